using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAssistant.Answering;
using PartyAssistant.Corpus;
using PartyAssistant.Outlines;
using PartyAssistant.Quizzes;
using PartyAssistant.Tests.Quizzes;

namespace PartyAssistant.Tests.Outlines;

public sealed partial class OutlineBuilderTests(ShippedCorpusDocuments fixture) : IClassFixture<ShippedCorpusDocuments>, IDisposable
{
    private readonly OutlineBuilder builder = new(new OutlineQuiz(new QuizGenerator()));
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    private SessionOutline Seed(int minutes = 45) => this.builder.Build(fixture.Corpus, new OutlineRequest("kl-tu-nq03", minutes));

    private Passage PassageOf(OutlineCitation source) => fixture.Corpus.Passages.Single(p => p.Id == source.PassageId);

    [Fact]
    public void An_outline_of_one_section_teaches_and_quizzes_that_section_only_and_says_so()
    {
        var outline = this.builder.Build(fixture.Corpus, new OutlineRequest("kl-tu-nq03", 45, " II.3 "));

        var part = Assert.Single(outline.Parts);
        Assert.StartsWith("II.", part.Heading, StringComparison.Ordinal);
        Assert.All(outline.KeyPoints, k => Assert.StartsWith("kl-tu-nq03/II.3.", k.Source.PassageId, StringComparison.Ordinal));
        Assert.All(outline.Quiz, q => Assert.StartsWith("kl-tu-nq03/II.3.", q.PassageId, StringComparison.Ordinal));
        Assert.Contains(outline.Document.Notices, n => n.Contains("mục II.3", StringComparison.Ordinal));

        var error = Assert.Throws<OutlineRequestException>(() => this.builder.Build(fixture.Corpus, new OutlineRequest("kl-tu-nq03", 45, "IX")));
        Assert.Contains("Các mục hợp lệ: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_outline_follows_parts_I_II_III_in_order_with_the_items_of_part_II()
    {
        var outline = this.Seed();

        Assert.Equal(["I.", "II.", "III."], outline.Parts.Select(p => p.Heading.Split(' ')[0]));
        Assert.Equal("II. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI", outline.Parts[1].Heading);
        Assert.Equal(["1.", "2.", "3.", "4.", "5."], outline.Parts[1].Topics.Select(t => t.Heading!.Split(' ')[0]));
        Assert.All(outline.Parts, part => Assert.NotEmpty(part.KeyPoints));

        // The title block, recipients and signature are not taught.
        Assert.DoesNotContain(outline.KeyPoints, k => k.Source.PassageId.Contains("noi-nhan", StringComparison.Ordinal) || k.Source.PassageId.EndsWith("/ky", StringComparison.Ordinal));
        Assert.Equal("Kết luận", outline.Document.Type);
        Assert.False(outline.Document.IsSummary);
        Assert.Empty(outline.Document.Notices);
    }

    [Fact]
    public void A_target_whose_year_has_ended_is_discussed_as_passed()
    {
        OutlineBuilder At(int year) => new(new OutlineQuiz(new QuizGenerator()), new FixedClock(new DateTimeOffset(year, 6, 1, 9, 0, 0, TimeSpan.Zero)));
        var later = At(2026).Build(fixture.Corpus, new OutlineRequest("kl-tu-nq03")).Questions;
        var earlier = At(2024).Build(fixture.Corpus, new OutlineRequest("kl-tu-nq03")).Questions;

        // The seed sets its targets for 2025: asked in 2024 how to reach them, in 2026 whether they were reached.
        Assert.Contains(earlier, q => q.Question.Contains("cần làm gì để đạt", StringComparison.Ordinal));
        Assert.DoesNotContain(earlier, q => q.Question.Contains("đã qua", StringComparison.Ordinal));
        Assert.Contains(later, q => q.Question.Contains("Mốc “Đến năm 2025” đã qua", StringComparison.OrdinalIgnoreCase) && q.Question.Contains("đã đạt chỉ tiêu này chưa", StringComparison.Ordinal));
        Assert.DoesNotContain(later, q => q.Question.Contains("2025", StringComparison.Ordinal) && q.Question.Contains("cần làm gì để đạt?", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_quoted_item_is_text_of_the_passage_it_cites()
    {
        var outline = this.Seed();

        Assert.All(outline.KeyPoints, point =>
        {
            var passage = this.PassageOf(point.Source);
            Assert.Contains(point.Quote, passage.Text, StringComparison.Ordinal);
            Assert.True(CitationChecker.Contains(passage.Text, point.Quote));
            Assert.Equal(passage.Label, point.Source.Label);
        });
        Assert.Contains(outline.KeyPoints, k => k.Quote == "Hàng năm, đảng bộ xã, phường, thị trấn được xếp loại chất lượng \"Hoàn thành tốt nhiệm vụ\" trở lên đạt trên 95%." && k.Source.PassageId == "kl-tu-nq03/II.1.1");

        Assert.InRange(outline.Questions.Count, 3, 5);
        Assert.All(outline.Questions, question =>
        {
            var passage = this.PassageOf(question.Source);
            var quoted = QuotedSpan().Matches(question.Question).Select(m => m.Groups["q"].Value).ToList();
            Assert.NotEmpty(quoted);
            Assert.All(quoted, q => Assert.True(CitationChecker.Contains(passage.Text, q), $"“{q}” is not in {passage.Id}"));
        });

        Assert.Equal(OutlineQuiz.Questions, outline.Quiz.Count);
        Assert.All(outline.Quiz, item => Assert.Contains(item.Quote, fixture.Corpus.Passages.Single(p => p.Id == item.PassageId).Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Figures_and_deadlines_are_listed_with_the_sentence_and_passage_they_come_from()
    {
        var figures = this.Seed().Figures;

        OutlineFigure With(string fact) => Assert.Single(figures, f => f.Facts.Any(x => x.Text.Contains(fact, StringComparison.Ordinal)));
        Assert.Equal("kl-tu-nq03/III.5", With("cuối năm 2022").Source.PassageId);
        Assert.Same(With("cuối năm 2022"), With("giữa năm 2024"));
        Assert.Equal("kl-tu-nq03/II.1.1", With("95%").Source.PassageId);
        Assert.Equal("kl-tu-nq03/II.3.3", With("50%").Source.PassageId);
        Assert.Equal("Kết luận Tỉnh uỷ về tiếp tục thực hiện Nghị quyết 03-NQ/TU · Mục II.3, ý 3", With("50%").Source.Label);
        Assert.All(figures, f => Assert.Contains(f.Sentence, this.PassageOf(f.Source).Text, StringComparison.Ordinal));
        Assert.All(figures, f => Assert.All(f.Facts, x => Assert.Contains(x.Text, f.Sentence, StringComparison.Ordinal)));
    }

    [Fact]
    public void Headings_are_no_key_points_and_figures_are_real_figures_and_milestones()
    {
        var seed = this.Seed();
        var summary = this.builder.Build(fixture.Corpus, new OutlineRequest("qd-213"));

        // kl-tu-nq03 II.4 and II.5 are item headings stored as passages: they name a task, they state nothing.
        Assert.DoesNotContain(seed.KeyPoints, k => k.Source.PassageId is "kl-tu-nq03/II.4" or "kl-tu-nq03/II.5");
        Assert.DoesNotContain(seed.Questions, q => q.Source.PassageId is "kl-tu-nq03/II.4" or "kl-tu-nq03/II.5");
        Assert.All(seed.KeyPoints.Concat(summary.KeyPoints), k => Assert.Matches(@"[.!?:][""”)]?$", k.Quote));

        foreach (var figure in seed.Figures.Concat(summary.Figures))
        {
            Assert.DoesNotContain(figure.Facts, f => Regex.IsMatch(f.Text, @"^\d+ (Điều|khoản|điểm)$", RegexOptions.IgnoreCase));
            Assert.DoesNotContain(figure.Facts, f => f.Text.ToLowerInvariant() is "thường xuyên" or "định kỳ" or "đột xuất");
        }

        // Dates that only name a cited document are not milestones; the document's own deadlines are.
        var seedFacts = seed.Figures.SelectMany(f => f.Facts).Select(f => f.Text).ToList();
        Assert.DoesNotContain("ngày 18/5/2021", seedFacts);
        Assert.DoesNotContain("ngày 13/11/2018", seedFacts);
        Assert.DoesNotContain("ngày 02/01/2020", seedFacts);
        Assert.Contains("vào cuối năm 2022", seedFacts);
        Assert.Contains("hàng năm", seedFacts);
    }

    [Fact]
    public void A_discussion_question_quotes_whole_or_cuts_after_a_comma()
    {
        // The shortcoming of the cấp uỷ cơ sở is the đảng uỷ xã's to discuss.
        var commune = this.builder.Build(fixture.Corpus, new OutlineRequest("kl-tu-nq03", Audience: Audiences.Resolve("dang-uy-xa"))).Questions;
        var questions = this.Seed().Questions.Concat(commune).Concat(this.builder.Build(fixture.Corpus, new OutlineRequest("qd-213")).Questions).ToList();
        Assert.Contains(commune, q => q.Question.Contains("“Việc xây dựng và ban hành văn bản, sơ kết, tổng kết nghị quyết của cấp uỷ cơ sở vẫn là khâu yếu”", StringComparison.Ordinal));
        foreach (var question in questions)
        {
            var passage = this.PassageOf(question.Source);
            foreach (var quoted in QuotedSpan().Matches(question.Question).Select(m => m.Groups["q"].Value).Where(q => q.EndsWith('…')))
            {
                // A cut quote stops exactly where the passage has a comma.
                Assert.Contains(quoted[..^1] + ",", passage.Text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(15)]
    [InlineData(45)]
    [InlineData(90)]
    [InlineData(240)]
    public void The_time_plan_adds_up_to_the_session(int minutes)
    {
        var outline = this.Seed(minutes);

        Assert.Equal(minutes, outline.TimePlan.Sum(s => s.Minutes));
        Assert.Equal(["Giới thiệu", .. outline.Parts.Select(p => p.Heading), "Thảo luận", "Kiểm tra nhanh"], outline.TimePlan.Select(s => s.Activity));
        Assert.All(outline.TimePlan, s => Assert.True(s.Minutes >= 1));
        Assert.Equal(outline.Parts.Select(p => p.Minutes), outline.TimePlan.Skip(1).Take(outline.Parts.Count).Select(s => s.Minutes));

        // Part II, with five items of tasks, gets the most time.
        Assert.Equal(outline.Parts[1].Minutes, outline.Parts.Max(p => p.Minutes));
    }

    [Theory]
    [InlineData(14)]
    [InlineData(241)]
    public void Minutes_out_of_range_are_refused_in_vietnamese(int minutes)
    {
        var error = Assert.Throws<OutlineRequestException>(() => this.Seed(minutes));
        Assert.Equal($"Thời lượng buổi sinh hoạt phải từ 15 đến 240 phút (đã nhập {minutes}).", error.Message);
    }

    [Fact]
    public void An_unknown_document_is_refused_with_the_valid_ids()
    {
        var error = Assert.Throws<OutlineRequestException>(() => this.builder.Build(fixture.Corpus, new OutlineRequest("nq-99")));
        Assert.StartsWith("Không có văn bản mang mã \"nq-99\". Các mã hợp lệ: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("kl-tu-nq03", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_says_so_and_a_replaced_document_carries_a_warning()
    {
        var summary = this.builder.Build(fixture.Corpus, new OutlineRequest("qd-213"));
        Assert.True(summary.Document.IsSummary);
        Assert.Contains(summary.Document.Notices, n => n.Contains("bản tóm tắt không chính thức", StringComparison.Ordinal));
        Assert.Contains("Bản tóm tắt không chính thức", OutlineMarkdownWriter.Write(summary), StringComparison.OrdinalIgnoreCase);

        var corpus = this.Write("qd-76", "type: Quy định\nnumber: 76-QĐ/TW\ndate: 2007-06-15\ntitle: Quy định cũ\nkind: official-text\n",
            "## Điều 1. Sinh hoạt\n\nĐảng viên báo cáo chi uỷ nơi cư trú mỗi năm hai lần về việc giữ mối liên hệ.");
        this.Write("qd-213-toan-van", "type: Quy định\nnumber: 213-QĐ/TW\ndate: 2020-01-02\ntitle: Quy định mới\nkind: official-text\nreplaces: [qd-76]\n",
            "## Điều 1. Liên hệ\n\nĐảng viên giữ mối liên hệ với chi uỷ nơi cư trú và báo cáo hằng năm.");
        var replaced = this.builder.Build(Load(corpus), new OutlineRequest("qd-76"));
        Assert.Equal(
            "Cảnh báo: văn bản này đã được thay thế bởi Quy định 213-QĐ/TW (ngày 02/01/2020); chỉ dùng để tham khảo, không hướng dẫn thực hiện theo văn bản này.",
            Assert.Single(replaced.Document.Notices));
    }

    [Fact]
    public void An_ingested_text_is_outlined_by_chapter_and_article()
    {
        var corpus = this.Write("qd-9", "type: Quy định\nnumber: 9-QĐ/TW\ndate: 2024-03-01\ntitle: Quy định mẫu\nkind: official-text\n",
            "## Chương I. NHỮNG QUY ĐỊNH CHUNG\n\n### Điều 1. Phạm vi điều chỉnh\n\nQuy định này áp dụng cho chi bộ ấp, khóm.\n\n" +
            "### Điều 2. Giải thích từ ngữ\n\n1. Đảng viên đang công tác là đảng viên làm việc trong cơ quan, đơn vị.\n\n2. Nơi cư trú là nơi đảng viên thường trú.\n\n" +
            "## Chương II. NHIỆM VỤ\n\n### Điều 3. Trách nhiệm của đảng viên\n\n1. Mỗi năm một lần, đảng viên báo cáo chi uỷ nơi cư trú.\n\n" +
            "2. Đảng viên phải thực hiện các việc sau:\n\na) Dự họp chi bộ đầy đủ, đạt trên 90% số buổi.\n\nb) Đóng góp ý kiến đến năm 2026.\n\n" +
            "### Điều 4. Hiệu lực\n\nQuy định có hiệu lực từ ngày ký.\n");
        var outline = this.builder.Build(Load(corpus), new OutlineRequest("qd-9", 30));

        Assert.Equal(["Chương I. NHỮNG QUY ĐỊNH CHUNG", "Chương II. NHIỆM VỤ"], outline.Parts.Select(p => p.Heading));
        Assert.Equal(["Điều 1. Phạm vi điều chỉnh", "Điều 2. Giải thích từ ngữ"], outline.Parts[0].Topics.Select(t => t.Heading));
        Assert.Equal(["Điều 3. Trách nhiệm của đảng viên", "Điều 4. Hiệu lực"], outline.Parts[1].Topics.Select(t => t.Heading));
        var article3 = outline.Parts[1].Topics[0].KeyPoints;
        Assert.Equal(
            [("Mỗi năm một lần, đảng viên báo cáo chi uỷ nơi cư trú.", "Quy định 9-QĐ/TW · Điều 3, khoản 1"), ("Đảng viên phải thực hiện các việc sau:", "Quy định 9-QĐ/TW · Điều 3, khoản 2"),
             ("Dự họp chi bộ đầy đủ, đạt trên 90% số buổi.", "Quy định 9-QĐ/TW · Điều 3, khoản 2, điểm a"), ("Đóng góp ý kiến đến năm 2026.", "Quy định 9-QĐ/TW · Điều 3, khoản 2, điểm b")],
            article3.Select(k => (k.Quote, k.Source.Label)));
        Assert.Contains(outline.Figures, f => f.Facts.Any(x => x.Text == "trên 90%") && f.Source.PassageId == "qd-9/dieu-3.2.a");
        Assert.Equal(30, outline.TimePlan.Sum(s => s.Minutes));
    }

    private string Write(string id, string frontMatter, string body)
    {
        var corpus = Path.Combine(this.temp.Path, "corpus");
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, id + ".md"), $"---\nid: {id}\n{frontMatter}---\n\n{body}\n");
        return corpus;
    }

    private static CorpusLoadResult Load(string corpus) =>
        new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(corpus, CancellationToken.None).GetAwaiter().GetResult();

    // The citation checker's own notion of a quote: text between quotation marks.
    [GeneratedRegex("“(?<q>[^”]{4,})”")]
    private static partial Regex QuotedSpan();
}
