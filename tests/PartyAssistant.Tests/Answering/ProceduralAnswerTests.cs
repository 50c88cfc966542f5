using System.Text.RegularExpressions;
using PartyAssistant.Answering;

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
    public async Task How_a_large_cell_meets_is_answered_as_numbered_cited_steps()
    {
        var answer = await this.assistant.Pipeline.AskAsync("chi bo ap dong dang vien thi to chuc sinh hoat the nao", null, CancellationToken.None);

        Assert.False(answer.Abstained);
        var steps = answer.Answer.Split('\n').Where(l => Regex.IsMatch(l, @"^\d+\. ")).ToList();
        Assert.True(steps.Count >= 2, answer.Answer);
        Assert.Equal(Enumerable.Range(1, steps.Count).Select(i => $"{i}. "), steps.Select(s => s[..(s.IndexOf(' ', StringComparison.Ordinal) + 1)]));
        var supplied = new SuppliedPassages(answer.Passages);
        foreach (var step in steps)
        {
            var n = Assert.Single(CitationChecker.Markers(step));
            var sentence = Regex.Replace(step, @"^\d+\. | \[\d+\]$", string.Empty);
            Assert.True(CitationChecker.Contains(supplied[n]!.Text, sentence), step);
        }

        Assert.Contains(steps, s => s.Contains("thí điểm thành lập tổ đảng ở chi bộ ấp, khóm có đông đảng viên", StringComparison.Ordinal));
        Assert.True(CitationChecker.Check(answer.Answer, supplied).Passed);
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
    public void Procedural_questions_are_recognised_with_or_without_diacritics(string question, bool expected) =>
        Assert.Equal(expected, ProceduralQuestion.Matches(question));
}
