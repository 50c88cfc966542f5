using System.Text.Json;
using System.Text.RegularExpressions;

namespace PartyAssistant.Tests.Cli;

/// <summary>Citation numbers run 1, 2, 3… in the order the answer text first uses them, also when the answer is cut for length.</summary>
public sealed partial class CitationOrderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Theory]
    [InlineData("4000")]
    [InlineData("1200")]
    [InlineData("700")]
    public async Task Numbers_run_without_gaps_in_the_order_of_the_text_and_every_source_is_cited(string maxChars)
    {
        var settings = new Dictionary<string, string?> { ["Answering:MaxAnswerChars"] = maxChars };
        foreach (var question in new[] { "đảng viên đang công tác phải làm gì ở nơi cư trú?", "Ban Tổ chức Tỉnh uỷ phải làm gì ở nơi cư trú?", "Quy định 213 nói gì?" })
        {
            var result = await CliRunner.RunWithSettingsAsync(TestPaths.Corpus, Path.Combine(this.temp.Path, "data"), settings, "ask", question, "--json");
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Output);
            var answer = json.RootElement.GetProperty("answer").GetString()!;
            var at = answer.IndexOf("\nNguồn:\n", StringComparison.Ordinal);
            Assert.True(at > 0, answer);
            var body = answer[..at];

            var order = Numbers(answer).Distinct().ToList();
            Assert.Equal(Enumerable.Range(1, order.Count), order);
            Assert.Equal(order, Numbers(body).Distinct());

            var sources = answer[(at + 8)..].Split('\n').Where(l => l.StartsWith('[')).Select(l => Numbers(l).First()).ToList();
            Assert.Equal(order, sources);
            Assert.Equal(order, json.RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("n").GetInt32()));
            var ranks = json.RootElement.GetProperty("passages").EnumerateArray().Select(p => p.GetProperty("rank").GetInt32()).ToList();
            Assert.Equal(Enumerable.Range(1, ranks.Count), ranks);
        }
    }

    private static IEnumerable<int> Numbers(string text) =>
        Marker().Matches(text).SelectMany(m => m.Groups[1].Value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse);

    [GeneratedRegex(@"\[([0-9]+(?:\s*[,;]\s*[0-9]+)*)\]")]
    private static partial Regex Marker();
}
