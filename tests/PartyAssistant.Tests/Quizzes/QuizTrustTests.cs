using System.Text.RegularExpressions;
using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Quizzes;
using PartyAssistant.Text;

namespace PartyAssistant.Tests.Quizzes;

/// <summary>
/// Known answers a quiz must never get wrong: a true statement marked "Sai", two right choices,
/// a heading asked as a sentence, an actor cut out of a longer phrase, a summary's notes asked.
/// </summary>
public sealed partial class QuizTrustTests(ShippedCorpusDocuments fixture) : IClassFixture<ShippedCorpusDocuments>
{
    private static readonly string[] Documents = ["kl-tu-nq03", "qd-213", "hd-33-btctw", "kl-01", "kl-38", "nq-22", "ct-05", "nq-04-tw4-khoa-xii"];

    private IEnumerable<QuizItem> All(params QuizItemType[] types) => Documents.SelectMany(d => new QuizGenerator().Generate(
        fixture.Corpus, new QuizRequest(d, Count: QuizRequest.MaxCount, Types: types.Length == 0 ? null : types.ToHashSet())).Items);

    private static Fact FactIn(string sentence, string text) => FactExtractor.Extract(sentence).Single(f => f.Text == text);

    [Theory]
    // Yearly is periodic; "định kỳ" and "hằng năm" are both true of the tiếp dân rule (kl-tu-nq03 II.3.1) and of kl-01's chuyên đề.
    [InlineData("Cấp uỷ phải thực hiện việc tiếp dân định kỳ theo quy định.", "định kỳ", "Cấp uỷ phải thực hiện việc tiếp dân hằng năm theo quy định.", "hằng năm")]
    [InlineData("Chuyên đề hằng năm do từng địa phương tự chọn.", "hằng năm", "Chuyên đề định kỳ do từng địa phương tự chọn.", "định kỳ")]
    [InlineData("Chuyên đề hằng năm do từng địa phương tự chọn.", "hằng năm", "Chuyên đề mỗi năm một lần do từng địa phương tự chọn.", "mỗi năm một lần")]
    // What had not been replaced by 01/2026 had not been replaced by 12/2025 either (hd-33-btctw, qd-213, kl-01).
    [InlineData("Tính đến tháng 01/2026 chưa tìm thấy văn bản thay thế.", "đến tháng 01/2026", "Tính đến tháng 12/2025 chưa tìm thấy văn bản thay thế.", "đến tháng 12/2025")]
    [InlineData("Đến tháng 01/2026, Quy định 213-QĐ/TW vẫn đang được áp dụng.", "Đến tháng 01/2026", "Đến tháng 12/2025, Quy định 213-QĐ/TW vẫn đang được áp dụng.", "Đến tháng 12/2025")]
    // A figure the answer implies, a date within the answer's year, a đảng uỷ for a cấp uỷ.
    [InlineData("Hàng năm, đảng bộ xã được xếp loại đạt trên 95%.", "trên 95%", "Hàng năm, 100% đảng bộ xã được xếp loại tốt.", "100%")]
    [InlineData("Quy định 213-QĐ/TW được ban hành năm 2020.", "năm 2020", "Quy định 213-QĐ/TW được ban hành ngày 02/01/2020.", "ngày 02/01/2020")]
    [InlineData("Tăng cường công tác kiểm tra, giám sát của cấp uỷ.", "cấp uỷ", "Tăng cường công tác kiểm tra, giám sát của đảng uỷ xã, phường, thị trấn.", "đảng uỷ xã, phường, thị trấn")]
    [InlineData("Các cấp uỷ quan tâm tạo nguồn kết nạp đảng viên.", "Các cấp uỷ", "Chi uỷ quan tâm tạo nguồn kết nạp đảng viên.", "Chi uỷ")]
    public void A_change_that_may_still_be_true_is_never_a_wrong_answer(string sentence, string answer, string other, string wrong) =>
        Assert.False(QuizFacts.ClearlyWrong(FactIn(sentence, answer), sentence, FactIn(other, wrong)));

    [Theory]
    [InlineData("Hàng năm, đảng bộ xã được xếp loại đạt trên 95%.", "trên 95%", "Tỷ lệ này là 50%.", "50%")]
    [InlineData("Thực hiện tốt Quy định số 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị.", "ngày 02/01/2020", "Ban hành ngày 26/5/2025.", "ngày 26/5/2025")]
    [InlineData("Quy định 213-QĐ/TW được ban hành năm 2020.", "năm 2020", "Được ban hành năm 2021.", "năm 2021")]
    [InlineData("Phấn đấu đến năm 2025, tỷ lệ trẻ hoá đạt 50%.", "đến năm 2025", "Phấn đấu đến năm 2030, tỷ lệ trẻ hoá đạt 60%.", "đến năm 2030")]
    [InlineData("Sau 05 năm triển khai thực hiện Nghị quyết.", "05 năm", "Sau 10 năm triển khai.", "10 năm")]
    [InlineData("Chuyên đề hằng năm do từng địa phương tự chọn.", "hằng năm", "Họp 6 tháng một lần.", "6 tháng một lần")]
    public void A_plain_conflict_is_a_wrong_answer(string sentence, string answer, string other, string wrong) =>
        Assert.True(QuizFacts.ClearlyWrong(FactIn(sentence, answer), sentence, FactIn(other, wrong)));

    [Fact]
    public void False_statements_only_change_a_figure_a_date_or_a_document_and_never_a_status_date()
    {
        var falses = this.All(QuizItemType.TrueFalse).Where(i => i.Answer == QuizItem.False).ToList();
        Assert.NotEmpty(falses);
        foreach (var item in falses)
        {
            var fact = FactExtractor.Extract(item.Quote).Single(f => f.Text == item.Fact);
            Assert.True(QuizFacts.CanMakeFalse(fact.Kind), $"{fact.Kind} changed in: {item.Statement}");
            Assert.False(fact.IsStatusDate, item.Statement);
        }

        // The reviewer's three: each was marked "Sai" though true.
        Assert.DoesNotContain(falses, i => i.Statement.StartsWith("Tính đến", StringComparison.Ordinal));
        Assert.DoesNotContain(falses, i => i.Quote.StartsWith("Cấp uỷ phải thực hiện việc tiếp dân", StringComparison.Ordinal));
        Assert.DoesNotContain(falses, i => i.Quote.StartsWith("Chuyên đề hằng năm", StringComparison.Ordinal));
    }

    [Fact]
    public void The_yearly_chuyen_de_and_a_cap_uy_are_offered_only_beside_plainly_different_choices()
    {
        var pool = DistractorPool.Build(fixture.Corpus.Documents.SelectMany(QuizSentences.Of));

        const string yearly = "Tập trung xác định nội dung đi vào thực chất, gắn việc học tập và thực hiện chuyên đề hàng năm bằng những việc làm cụ thể, thiết thực của chi bộ, đảng bộ và đảng viên.";
        var frequencies = pool.For(FactIn(yearly, "hàng năm"), yearly, 10, 1);
        Assert.All(frequencies, f => Assert.NotEqual(1.0, Frequencies.PerYear(f)));
        Assert.All(frequencies, f => Assert.NotNull(Frequencies.PerYear(f)));
        Assert.DoesNotContain(frequencies, f => VietnameseText.MatchKey(f) is "moi nam mot lan" or "hang nam" or "dinh ky" or "thuong xuyen");

        const string actor = "Cấp uỷ phải thực hiện việc tiếp dân định kỳ theo quy định, bảo đảm thời gian đi cơ sở, nắm thực tế, hỗ trợ kịp thời cho chi bộ ấp, khóm.";
        var roles = pool.For(FactIn(actor, "Cấp uỷ"), actor, 20, 1).Select(r => RoleLexicon.Resolve(r)!.Role.Id).ToList();
        Assert.NotEmpty(roles);
        Assert.DoesNotContain(roles, id => id is "cap-uy" or "chi-uy" or "chi-bo" or "dang-uy-xa" or "cap-uy-huyen" or "cap-uy-tinh" or "bi-thu-chi-bo");
    }

    [Fact]
    public void No_multiple_choice_offers_two_choices_that_may_both_be_right()
    {
        foreach (var item in this.All(QuizItemType.MultipleChoice))
        {
            var kind = FactExtractor.Extract(item.Quote).Single(f => f.Text == item.Fact).Kind;
            var at = item.Statement.IndexOf(QuizItem.Blank, StringComparison.Ordinal);
            var facts = item.Choices.Select(c => FactExtractor.Extract(item.Statement.Replace(QuizItem.Blank, c, StringComparison.Ordinal)).Single(f => f.Start == at && f.Text == c)).ToList();
            Assert.NotEqual(FactKind.QuotedTerm, kind);
            Assert.DoesNotContain(facts, f => f.IsStatusDate);
            for (var i = 0; i < facts.Count; i++)
            {
                for (var j = i + 1; j < facts.Count; j++)
                {
                    var (a, b) = (facts[i], facts[j]);
                    if (kind == FactKind.Frequency)
                    {
                        Assert.False(Frequencies.MayAgree(a.Text, b.Text), $"{a.Text} / {b.Text}");
                    }

                    if (kind == FactKind.Actor)
                    {
                        Assert.False(RoleLexicon.Overlap(a.Role!, b.Role!), $"{a.Text} / {b.Text}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Only_finished_sentences_are_asked_never_a_heading_nor_a_summarys_notes_on_its_sources()
    {
        var items = this.All().ToList();
        Assert.All(items, i => Assert.Matches(@"[.!?][""”)]?$", i.Quote));
        Assert.DoesNotContain(items, i => i.PassageId is "kl-tu-nq03/II.4" or "kl-tu-nq03/II.5");
        Assert.DoesNotContain(items, i => i.Quote.StartsWith("Phát huy vai trò của Mặt trận Tổ quốc", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Quote.StartsWith("Tăng cường công tác kiểm tra, giám sát của cấp uỷ", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => SourceNote().IsMatch(i.Quote));
    }

    [Fact]
    public void An_actor_is_asked_only_as_the_subject_that_opens_its_sentence_and_never_made_false()
    {
        var items = this.All().ToList();
        foreach (var item in items)
        {
            var fact = FactExtractor.Extract(item.Quote).Single(f => f.Text == item.Fact);
            if (fact.Kind == FactKind.Actor)
            {
                Assert.True(QuizFacts.IsSubject(fact, item.Quote), item.Quote);
                Assert.NotEqual(QuizItem.False, item.Answer);
            }
        }

        // qd-213 Điều 1: "nơi đảng viên công tác" is a place, not the member; it was swapped for a đảng uỷ.
        Assert.DoesNotContain(items, i => i.Fact == "đảng viên công tác");
        Assert.False(QuizFacts.IsSubject(
            FactIn("Khoản 2 Điều 1 giao cho cả tổ chức cơ sở đảng nơi đảng viên công tác trách nhiệm.", "đảng viên công tác"),
            "Khoản 2 Điều 1 giao cho cả tổ chức cơ sở đảng nơi đảng viên công tác trách nhiệm."));
        Assert.True(QuizFacts.IsSubject(FactIn("Hàng năm, đảng bộ xã, phường, thị trấn được xếp loại.", "đảng bộ xã, phường, thị trấn"), "Hàng năm, đảng bộ xã, phường, thị trấn được xếp loại."));
        Assert.True(QuizFacts.IsSubject(FactIn("Giao Ban Thường vụ Tỉnh uỷ lãnh đạo.", "Ban Thường vụ Tỉnh uỷ"), "Giao Ban Thường vụ Tỉnh uỷ lãnh đạo."));
    }

    [GeneratedRegex("kiểm chứng|đã có bài|chưa tìm thấy", RegexOptions.IgnoreCase)]
    private static partial Regex SourceNote();
}
