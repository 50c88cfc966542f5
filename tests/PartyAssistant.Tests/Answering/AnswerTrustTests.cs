using PartyAssistant.Answering;
using PartyAssistant.Corpus;
using PartyAssistant.Evaluation;
using PartyAssistant.Text;

namespace PartyAssistant.Tests.Answering;

/// <summary>
/// "When the documents do not say, it says so": three outcomes, a named document bounds the answer,
/// the first sentence is the one that answers, and a title or a denial is never offered as the answer.
/// </summary>
public sealed class AnswerTrustTests : IDisposable
{
    private readonly TestAssistant assistant = new();

    public void Dispose() => this.assistant.Dispose();

    private Task<GroundedAnswer> Ask(string question) => this.assistant.Pipeline.AskAsync(question, null, CancellationToken.None);

    private static string FirstLine(GroundedAnswer answer) => answer.Answer.Split('\n')[1];

    [Theory]
    [InlineData("Thủ tục làm hộ chiếu gồm những bước nào?")]
    [InlineData("cach dang ky thuong tru cho con moi sinh")]
    [InlineData("Giá xăng RON95 hôm nay bao nhiêu?")]
    public async Task A_question_about_something_else_is_not_covered_and_cites_nothing(string question)
    {
        var answer = await this.Ask(question);

        Assert.True(answer.Abstained, answer.Answer);
        Assert.Equal(Outcome.NotCovered, answer.Outcome);
        Assert.Empty(answer.Citations);
        Assert.Empty(answer.Related);
        Assert.StartsWith(AbstentionText.NotCovered, answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Đảng viên có được xin ra khỏi Đảng không?", "xin ra khỏi Đảng")]
    [InlineData("Thủ tục kết nạp đảng viên mới gồm những bước nào?", "kết nạp")]
    [InlineData("Đảng viên có được kinh doanh không?", "kinh doanh")]
    public async Task Passages_that_touch_the_question_without_stating_it_are_shown_as_related_not_as_the_answer(string question, string shared)
    {
        var answer = await this.Ask(question);

        Assert.True(answer.Abstained, answer.Answer);
        Assert.Equal(Outcome.Related, answer.Outcome);
        Assert.Empty(answer.Citations);
        Assert.StartsWith("Các văn bản đã nạp không nêu “", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("Gần nhất, văn bản có nói", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\[\d+\]", answer.Answer);
        Assert.NotEmpty(answer.Related);
        Assert.Contains(answer.Related, r => r.Quote.Contains(shared, StringComparison.OrdinalIgnoreCase));
        Assert.All(answer.Related, r => Assert.Contains($"“{r.Quote}” — {r.Label}", answer.Answer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_documents_own_words_answer_a_paraphrase()
    {
        var answer = await this.Ask("Phụ cấp cho cán bộ không chuyên trách ở ấp, khóm có được xem xét lại không?");

        Assert.False(answer.Abstained, answer.Answer);
        Assert.Equal(Outcome.Answer, answer.Outcome);
        Assert.Contains("điều chỉnh hợp lý chính sách hỗ trợ cán bộ không chuyên trách", FirstLine(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_named_but_not_loaded_is_said_to_be_not_loaded_with_how_to_load_it()
    {
        var answer = await this.Ask("Nghị quyết 21-NQ/TW yêu cầu gì đối với đảng viên?");

        Assert.True(answer.Abstained, answer.Answer);
        Assert.Equal(["Nghị quyết 21-NQ/TW"], answer.NotLoaded);
        Assert.StartsWith("Văn bản Nghị quyết 21-NQ/TW chưa được nạp vào kho văn bản", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("ingest", answer.Answer, StringComparison.Ordinal);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task A_document_not_loaded_is_still_answered_from_a_loaded_one_that_states_it()
    {
        var answer = await this.Ask("Quy định 294 tổ chức hệ thống đảng ở những cấp nào?");

        Assert.False(answer.Abstained, answer.Answer);
        Assert.All(answer.Citations, c => Assert.Contains("294-QĐ/TW", c.Quote, StringComparison.Ordinal));
        Assert.Contains("cấp tỉnh", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_document_bounds_the_answer_to_itself_and_what_names_it()
    {
        var answer = await this.Ask("Nghị quyết 03-NQ/TU được ban hành ngày nào?");

        // The Conclusion is about Resolution 03 but never dates it; its other dates answer nothing here.
        Assert.True(answer.Abstained, answer.Answer);
        Assert.Contains("Nghị quyết 03-NQ/TU chưa được nạp", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("2022", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_ingesting_another_regulation_its_sentences_do_not_answer_for_the_one_named()
    {
        // A regulation of the office's own, as `ingest` writes it: its last article says when "this regulation" applies.
        using var temp = new TempDirectory();
        var corpus = Path.Combine(temp.Path, "corpus");
        Directory.CreateDirectory(corpus);
        foreach (var file in Directory.GetFiles(TestPaths.Corpus, "*.md"))
        {
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(corpus, "qd-27-du.md"), """
            ---
            id: qd-27-du
            type: Quy định
            number: 27-QĐ/ĐU
            date: 2026-03-15
            issuer: Đảng uỷ xã An Phú
            title: Quy định về chế độ sinh hoạt của chi bộ ấp
            short_title: Quy định 27-QĐ/ĐU
            kind: official-text
            ---

            ## Điều 1. Sinh hoạt định kỳ

            Chi bộ ấp sinh hoạt định kỳ mỗi tháng một lần vào ngày 5.

            ## Điều 2. Hiệu lực

            Quy định này có hiệu lực từ ngày ký.
            """);
        using var withIngested = new TestAssistant(new Dictionary<string, string?> { ["Corpus:Directory"] = corpus });

        var answer = await withIngested.Pipeline.AskAsync("Quy định 213 có hiệu lực từ khi nào?", null, CancellationToken.None);

        // The summary of Quy định 213 does not give its date of effect (only Quy định 294's, which a sentence of it names).
        Assert.True(answer.Abstained, answer.Answer);
        Assert.NotEqual(Outcome.Answer, answer.Outcome);
        Assert.DoesNotContain("có hiệu lực từ ngày ký", answer.Answer, StringComparison.Ordinal);

        // The same sentence does answer for the document it belongs to.
        var own = await withIngested.Pipeline.AskAsync("Quy định 27-QĐ/ĐU có hiệu lực từ khi nào?", null, CancellationToken.None);
        Assert.Equal(Outcome.Answer, own.Outcome);
        Assert.Contains("Quy định này có hiệu lực từ ngày ký.", FirstLine(own), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Answering:RelatedFocusCoverage", "0.8")]
    [InlineData("Answering:MinFocusCoverage", "1.5")]
    [InlineData("Answering:MaxSentences", "0")]
    public void A_bad_answering_setting_is_refused_naming_its_key(string key, string value)
    {
        using var assistant = new TestAssistant(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => assistant.Pipeline);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Đảng viên là gì?")]
    [InlineData("Chi bộ có được không?")]
    [InlineData("1")]
    [InlineData("“x” là gì?")]
    [InlineData("Chi bộ có được kỷ luật cấp ủy viên không?")]
    [InlineData("Theo Kết luận 38-KL/TW, bí thư chi bộ phải làm gì?")]
    public async Task Questions_the_documents_only_seem_to_answer_get_no_answer(string question)
    {
        var answer = await this.Ask(question);

        Assert.True(answer.Abstained, answer.Answer);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task A_role_s_duties_under_a_document_not_loaded_are_not_taken_from_another()
    {
        var answer = await this.Ask("Theo Quy định 294, bí thư chi bộ phải làm gì?");

        Assert.True(answer.Abstained, answer.Answer);
        Assert.Equal(["Quy định 294"], answer.NotLoaded);
        Assert.DoesNotContain("213-QĐ/TW", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_naming_only_a_document_asks_what_it_is_about()
    {
        var answer = await this.Ask("Quy định 213");

        Assert.Equal(Outcome.Answer, answer.Outcome);
        Assert.All(answer.Citations, c => Assert.StartsWith("qd-213/", c.PassageId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_first_sentence_is_the_one_that_answers_not_the_praise_before_it()
    {
        var answer = await this.Ask("Những hạn chế trong thực hiện Nghị quyết 03-NQ/TU là gì?");

        Assert.False(answer.Abstained, answer.Answer);
        Assert.Contains("vẫn còn một số hạn chế: Việc xây dựng và ban hành văn bản", FirstLine(answer), StringComparison.Ordinal);
        Assert.Contains("khâu yếu", FirstLine(answer), StringComparison.Ordinal);
        Assert.DoesNotContain("kết quả tích cực", FirstLine(answer), StringComparison.Ordinal);
        Assert.Equal(1, CitationChecker.Markers(FirstLine(answer)).Single());
    }

    [Theory]
    [InlineData("dang vien dang cong tac co phai di hop chi bo noi cu tru khong")]
    [InlineData("Đảng viên đang công tác có phải đi họp chi bộ nơi cư trú không?")]
    public async Task A_denial_about_something_else_does_not_answer_a_yes_no_question(string question)
    {
        var answer = await this.Ask(question);

        // Duty 3 (the cell's meetings) or duty 4 (the residents' meetings) leads; the list they are not on does not.
        Assert.False(answer.Abstained, answer.Answer);
        Assert.Matches(@"^- Nhiệm vụ [34] \(Điều 2 Quy định 213-QĐ/TW\): đảng viên (tham )?dự", FirstLine(answer));
        Assert.Contains("các buổi họp định kỳ", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("không nằm trong", FirstLine(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Titles_summary_notes_and_recipients_are_never_cited()
    {
        var questions = await EvalQuestion.LoadAsync(TestPaths.DevQuestions, CancellationToken.None);
        foreach (var question in questions)
        {
            var answer = await this.Ask(question.Question);
            Assert.All(answer.Citations, c =>
            {
                var passage = answer.Passages.Single(p => p.PassageId == c.PassageId);
                Assert.True(passage.Role is PassageRole.Body or PassageRole.Signature, $"{question.Id}: {c.PassageId}");
            });
        }
    }

    [Fact]
    public async Task Citations_are_numbered_in_the_order_the_answer_cites_them()
    {
        var answer = await this.Ask("Kết luận 38-KL/TW của Bộ Chính trị là về nội dung gì?");

        var numbers = CitationChecker.Markers(answer.Answer[..answer.Answer.IndexOf(SourceList.Heading, StringComparison.Ordinal)]).Distinct().ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.All(answer.Citations, c => Assert.Equal(answer.Passages[c.N - 1].PassageId, c.PassageId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_scope_set_meets_the_bars_of_the_answer_trust_issue(bool withoutDiacritics)
    {
        var questions = (await EvalQuestion.LoadAsync(TestPaths.ScopeQuestions, CancellationToken.None))
            .Select(q => withoutDiacritics ? q with { Question = VietnameseText.Fold(q.Question) } : q)
            .ToList();
        var outcomes = await AnswerEvaluator.AnswerAllAsync(this.assistant.Pipeline, questions, CancellationToken.None);

        var outOfScope = outcomes.Where(o => !o.Question.Answerable).ToList();
        var answerable = outcomes.Where(o => o.Question.Answerable).ToList();
        var refused = outOfScope.Count(o => o.Answer.Abstained) / (double)outOfScope.Count;
        Assert.True(refused >= 0.95, $"out of scope refused {refused:0.000}");
        Assert.DoesNotContain(answerable, o => o.Answer.Abstained);
        var contains = answerable.Where(o => o.ContainsExpected is not null).ToList();
        Assert.True(contains.Count(o => o.ContainsExpected == true) >= 0.95 * contains.Count, "answer_contains");
        var leads = outcomes.Where(o => o.LeadHit is not null).ToList();
        Assert.True(leads.Count(o => o.LeadHit == true) >= 0.9 * leads.Count, "lead_hit");
    }
}
