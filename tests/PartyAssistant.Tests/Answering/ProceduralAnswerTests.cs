using System.Text.RegularExpressions;
using PartyAssistant.Corpus;
using PartyAssistant.Answering;
using PartyAssistant.Questions;
using PartyAssistant.Search;

namespace PartyAssistant.Tests.Answering;

/// <summary>"How do I do this?": ordered, cited steps and the deadlines they set, when the documents give steps.</summary>
public sealed class ProceduralAnswerTests : IDisposable
{
    private readonly TestAssistant assistant = new();

    public void Dispose() => this.assistant.Dispose();

    [Fact]
    public async Task When_the_review_is_due_comes_with_a_schedule_line()
    {
        var answer = await this.assistant.Pipeline.AskAsync("Khi nào sơ kết và tổng kết việc thực hiện Kết luận?", null, CancellationToken.None);

        Assert.False(answer.Abstained);
        var schedule = Assert.Single(answer.Answer.Split('\n'), l => l.StartsWith("Thời hạn, tần suất: ", StringComparison.Ordinal));
        Assert.Contains("cuối năm 2022 [", schedule, StringComparison.Ordinal);
        Assert.Contains("giữa năm 2024 [", schedule, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.PassageId == "kl-tu-nq03/III.5");
    }

    [Fact]
    public async Task Measures_from_one_bullet_are_listed_as_tasks_the_answering_one_first_and_every_quote_is_in_the_sources()
    {
        var answer = await this.assistant.Pipeline.AskAsync("chi bo ap dong dang vien thi to chuc sinh hoat the nao", null, CancellationToken.None);

        Assert.False(answer.Abstained);

        // The measures of the item that answers, listed as tasks: the one that answers first, not the report that the cells
        // handle it awkwardly ("… còn lúng túng").
        Assert.StartsWith("Văn bản nêu các việc sau:\n- Chủ động tham mưu thành lập đảng bộ bộ phận khi cần thiết và thí điểm thành lập tổ đảng", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("các bước", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\d+\. ", answer.Answer);
        var body = answer.Answer[..answer.Answer.IndexOf(SourceList.Heading, StringComparison.Ordinal)];
        var sources = answer.Answer[answer.Answer.IndexOf(SourceList.Heading, StringComparison.Ordinal)..];
        var items = body.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        var supplied = new SuppliedPassages(answer.Passages);
        foreach (var item in items)
        {
            var n = Assert.Single(CitationChecker.Markers(item));
            var sentence = Regex.Replace(item, @"^- | \[\d+\]$", string.Empty);
            Assert.True(CitationChecker.Contains(supplied[n]!.Text, sentence), item);

            // The reader finds each line's sentence quoted on its passage's source line.
            var line = Assert.Single(sources.Split('\n'), l => l.StartsWith($"[{n}] ", StringComparison.Ordinal));
            Assert.Contains($"“{sentence}”", line, StringComparison.Ordinal);
        }

        Assert.Contains(items, s => s.Contains("thí điểm thành lập tổ đảng ở chi bộ ấp, khóm có đông đảng viên", StringComparison.Ordinal));
        Assert.True(CitationChecker.Check(answer.Answer, supplied).Passed);
    }

    [Theory]
    [InlineData("các phong trào hành động cách mạng của Mặt trận Tổ quốc")]
    [InlineData("Trường hợp nào bị cách chức?")]
    public async Task A_word_that_only_contains_cach_does_not_make_steps(string question)
    {
        var answer = await this.assistant.Pipeline.AskAsync(question, null, CancellationToken.None);

        Assert.DoesNotMatch(@"(?m)^\d+\. ", answer.Answer);
        Assert.DoesNotContain("các bước", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Thời hạn, tần suất", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_how_often_and_which_form_are_each_answered_from_the_passage_that_gives_it()
    {
        var answer = await this.assistant.Pipeline.AskAsync("ai nhận xét đảng viên nơi cư trú, bao lâu một lần, dùng mẫu nào", null, CancellationToken.None);

        Assert.False(answer.Abstained, answer.Answer);
        Assert.Contains(answer.Citations, c => c.PassageId == "qd-213/dieu-4.5");
        Assert.Contains(answer.Citations, c => c.PassageId == "hd-33-btctw/bieu-mau.1");
        Assert.Contains("chi uỷ nơi cư trú (nơi không có chi uỷ thì bí thư chi bộ) phối hợp với ban công tác Mặt trận", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("Mẫu 3-213 là phiếu xin ý kiến nhận xét", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("Thời hạn, tần suất: mỗi năm một lần [", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("theo bản tóm tắt, không phải nguyên văn", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("không nêu rõ", answer.Answer, StringComparison.Ordinal);
        Assert.True(CitationChecker.Check(answer.Answer, new SuppliedPassages(answer.Passages)).Passed);
    }

    [Fact]
    public async Task What_a_role_must_do_is_answered_with_its_duties_each_quoted_and_cited()
    {
        var answer = await this.assistant.Pipeline.AskAsync("dang vien dang cong tac phai lam gi o noi cu tru", null, CancellationToken.None);

        Assert.False(answer.Abstained, answer.Answer);
        Assert.StartsWith("Nghĩa vụ của Đảng viên đang công tác (diện Quy định 213) theo các văn bản đã nạp", answer.Answer, StringComparison.Ordinal);
        foreach (var task in new[] { "qd-213/dieu-2.2", "qd-213/dieu-2.3", "qd-213/dieu-2.4", "qd-213/dieu-2.5", "qd-213/dieu-2.6" })
        {
            Assert.Contains(answer.Citations, c => c.PassageId == task && c.FromSummary);
        }

        Assert.Contains("đảng viên phải là tấm gương cho nhân dân nơi cư trú", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("Các mục lấy từ bản tóm tắt không chính thức cần đối chiếu với văn bản gốc.", answer.Answer, StringComparison.Ordinal);
        Assert.True(CitationChecker.Check(answer.Answer, new SuppliedPassages(answer.Passages)).Passed);
    }

    [Fact]
    public async Task Duties_that_do_not_fit_the_rest_of_the_question_are_not_listed()
    {
        var answer = await this.assistant.Pipeline.AskAsync("Đảng viên đang công tác phải làm gì khi đi nước ngoài?", null, CancellationToken.None);
        Assert.DoesNotContain("Nghĩa vụ của Đảng viên đang công tác", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gia hạn hộ chiếu dùng mẫu nào")]
    [InlineData("ai cấp giấy phép lái xe, bao lâu một lần, dùng mẫu nào")]
    [InlineData("đăng ký kết hôn bao lâu một lần")]
    public async Task A_question_in_parts_about_something_else_is_still_refused(string question)
    {
        var answer = await this.assistant.Pipeline.AskAsync(question, null, CancellationToken.None);
        Assert.True(answer.Abstained, answer.Answer);
    }

    [Theory]
    [InlineData("ai nhận xét đảng viên nơi cư trú, bao lâu một lần, dùng mẫu nào", Ask.Actor | Ask.Frequency | Ask.Form)]
    [InlineData("Nhận xét đảng viên dùng biểu mẫu gì?", Ask.Form)]
    [InlineData("Chi bộ tổ chức sinh hoạt như thế nào?", Ask.None)]
    [InlineData("các phong trào hành động cách mạng", Ask.None)]
    public void The_parts_a_question_asks_for_are_recognised(string question, Ask expected) =>
        Assert.Equal(expected, QuestionAnalysis.From(question).Asks);

    [Fact]
    public void Steps_are_ordered_only_when_the_text_orders_them()
    {
        static SearchHit Hit(string id, string label) => new(1, id, "x", label, 1, "…", false, null);
        var bullet = Hit("kl/II.2.2", "Kết luận · Mục II.2, ý 2");
        Assert.False(StepOrder.IsOrdered([("Tổ chức sinh hoạt.", bullet), ("Rà soát quy chế.", bullet)]));
        Assert.True(StepOrder.IsOrdered([("Lập danh sách.", bullet), ("Sau khi lập danh sách, gửi chi bộ.", bullet)]));
        Assert.True(StepOrder.IsOrdered([("1. Tiếp nhận.", Hit("q/dieu-4.1", "Quy định · Điều 4, khoản 1")), ("2. Lập danh sách.", Hit("q/dieu-4.2", "Quy định · Điều 4, khoản 2"))]));
        Assert.False(StepOrder.IsOrdered([("Tiếp nhận.", Hit("q/dieu-4.1", "Quy định · Điều 4, khoản 1")), ("Lập danh sách.", bullet)]));
    }

    [Fact]
    public async Task A_question_that_is_not_procedural_keeps_its_shape()
    {
        var answer = await this.assistant.Pipeline.AskAsync(
            "Đến năm 2025, tỷ lệ bí thư chi bộ đồng thời là trưởng ấp, khóm không quá 40 tuổi phải đạt bao nhiêu?", null, CancellationToken.None);

        Assert.StartsWith("Theo các văn bản đã nạp:\n- ", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Thời hạn, tần suất", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\d+\. ", answer.Answer);
    }

    [Theory]
    [InlineData("Chi bộ tổ chức sinh hoạt như thế nào?", true)]
    [InlineData("chi bo ap dong dang vien thi to chuc sinh hoat the nao", true)]
    [InlineData("Ai chủ trì theo dõi việc thực hiện Kết luận?", true)]
    [InlineData("bao lau mot lan nhan xet dang vien noi cu tru", true)]
    [InlineData("Quy trình lấy nhận xét của chi uỷ nơi cư trú", true)]
    [InlineData("Tỷ lệ bí thư chi bộ trẻ phải đạt bao nhiêu?", false)]
    [InlineData("Cấp ủy có phải tiếp dân định kỳ không?", false)]
    [InlineData("các phong trào hành động cách mạng của Mặt trận Tổ quốc", false)]
    [InlineData("cac phong trao hanh dong cach mang", false)]
    [InlineData("Trường hợp nào bị cách chức?", false)]
    [InlineData("Tại sao phải đổi mới sinh hoạt chi bộ?", false)]
    [InlineData("Kết luận 01-KL/TW được ban hành ngày nào?", false)]
    [InlineData("Những hạn chế khi thực hiện Nghị quyết 03 là gì?", false)]
    [InlineData("Cách thức giữ liên hệ với nơi cư trú", true)]
    [InlineData("lam cach nao de giu lien he voi chi bo noi cu tru", true)]
    [InlineData("Ai phụ trách theo dõi việc thực hiện?", true)]
    [InlineData("Việc nhận xét do ai thực hiện?", true)]
    [InlineData("Ai có trách nhiệm nhận xét đảng viên nơi cư trú", true)]
    [InlineData("Người nhận xét đảng viên là ai?", true)]
    [InlineData("Nhận xét đảng viên nơi cư trú dùng mẫu nào?", true)]
    public void Procedural_questions_are_recognised_with_or_without_diacritics(string question, bool expected) =>
        Assert.Equal(expected, QuestionAnalysis.From(question).IsProcedural);
}
