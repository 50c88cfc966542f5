using PartyAssistant.Answering;
using PartyAssistant.Channels;

namespace PartyAssistant.Tests.Answering;

public sealed class AnswerLengthTests
{
    private static GroundedAnswer Answer(string text, params int[] cited) =>
        new("q", "q", false, text, cited.Select(n => new Citation(n, $"d/{n}", "Nhãn", "Trích", false)).ToList(), [], "offline", null, new Dictionary<string, double>());

    [Fact]
    public void A_short_answer_is_left_as_it_is()
    {
        var answer = Answer("Chi bộ sinh hoạt mỗi tháng một lần [1].\n\nNguồn:\n[1] Điều 2 — “Chi bộ sinh hoạt mỗi tháng một lần.”", 1);
        Assert.Same(answer, AnswerLength.Limit(answer, 4000));
    }

    [Fact]
    public void A_long_answer_is_cut_at_a_sentence_its_sources_shortened_and_the_cut_said()
    {
        var sentence = "Chi bộ sinh hoạt thường kỳ mỗi tháng một lần theo quy định [1]. ";
        var quote = string.Concat(Enumerable.Repeat("rất dài ", 100_000));
        var answer = Answer(string.Concat(Enumerable.Repeat(sentence, 5000)) + $"Kết thúc [2].\n\nNguồn:\n[1] Điều 2 — “{quote}”\n[2] Điều 3 — “Ngắn.”", 1, 2);

        var limited = AnswerLength.Limit(answer, 4000);

        Assert.True(limited.Answer.Length <= 4000, $"{limited.Answer.Length} characters");
        Assert.Contains(AnswerLength.ShortenedNote, limited.Answer, StringComparison.Ordinal);
        Assert.Contains("[1] Điều 2 — “rất dài", limited.Answer, StringComparison.Ordinal);
        var body = limited.Answer[..limited.Answer.IndexOf(AnswerLength.ShortenedNote, StringComparison.Ordinal)].TrimEnd();
        Assert.EndsWith("[1].", body, StringComparison.Ordinal);

        // The sentence citing [2] was cut: its source goes too, so no number is listed that the answer does not use.
        Assert.DoesNotContain("[2]", limited.Answer, StringComparison.Ordinal);
        Assert.Equal([1], limited.Citations.Select(c => c.N));
    }

    [Fact]
    public void A_reply_over_the_part_cap_keeps_the_first_parts_and_says_where_the_rest_is()
    {
        var parts = Enumerable.Range(1, 10).Select(i => $"phần {i}").ToList();
        var limited = ReplyParts.Limit(parts, 4);
        Assert.Equal(["phần 1", "phần 2", "phần 3", ReplyParts.More], limited);
        Assert.Same(parts, ReplyParts.Limit(parts, 10));
    }
}
