using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAssistant.Corpus;
using PartyAssistant.Tests.Quizzes;

namespace PartyAssistant.Tests.Cli;

public sealed class QuizCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private string Data => Path.Combine(this.temp.Path, "data");

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public async Task Twenty_questions_on_the_seed_as_json_are_distinct_and_check_against_their_passages()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "quiz", "--doc", "kl-tu-nq03", "--n", QuizGeneratorTests.SeedQuestions.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Chỉ tạo được", result.Diagnostics, StringComparison.Ordinal);

        var corpus = await new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(TestPaths.Corpus, CancellationToken.None);
        using var json = JsonDocument.Parse(result.Output);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(QuizGeneratorTests.SeedQuestions, items.Count);
        foreach (var item in items)
        {
            QuizAssert.Correct(
                item.GetProperty("type").GetString()!,
                item.GetProperty("statement").GetString()!,
                item.GetProperty("choices").EnumerateArray().Select(c => c.GetString()!).ToList(),
                item.GetProperty("answer").GetString()!,
                item.GetProperty("fact").GetString()!,
                item.GetProperty("passage_id").GetString()!,
                item.GetProperty("quote").GetString()!,
                corpus);
            Assert.Contains(item.GetProperty("statement").GetString()!, item.GetProperty("question").GetString()!, StringComparison.Ordinal);
            Assert.Contains(" · ", item.GetProperty("label").GetString()!, StringComparison.Ordinal);
        }

        Assert.Equal(QuizGeneratorTests.SeedQuestions, items.Select(i => i.GetProperty("quote").GetString()).Distinct().Count());
        Assert.Equal(["fill_blank", "multiple_choice", "true_false"], items.Select(i => i.GetProperty("type").GetString()).Distinct().Order());
    }

    [Fact]
    public async Task Markdown_lists_the_questions_then_the_answer_key_with_citations()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "quiz", "--doc", "kl-tu-nq03", "--section", "II.3", "--n", "3");
        Assert.Equal(0, result.ExitCode);
        var md = result.Output;
        Assert.StartsWith("# Câu hỏi ôn tập: Kết luận Tỉnh uỷ về tiếp tục thực hiện Nghị quyết 03-NQ/TU, mục II.3", md, StringComparison.Ordinal);
        var questions = md.IndexOf("## Câu hỏi", StringComparison.Ordinal);
        var key = md.IndexOf("## Đáp án", StringComparison.Ordinal);
        Assert.True(questions > 0 && key > questions);
        Assert.Contains("3. ", md[questions..key], StringComparison.Ordinal);
        Assert.Contains("[Kết luận Tỉnh uỷ về tiếp tục thực hiện Nghị quyết 03-NQ/TU · Mục II.3, ý ", md[key..], StringComparison.Ordinal);
        Assert.Contains("(kl-tu-nq03/II.3.", md[key..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_is_written_where_asked_and_reads_back()
    {
        var file = Path.Combine(this.temp.Path, "de-on-tap.docx");
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "quiz", "--doc", "kl-tu-nq03", "--n", "5", "--format", "docx", "--output", file);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Đã ghi 5 câu hỏi vào", result.Diagnostics, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(file, false);
        var texts = document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("Đáp án", texts);
        Assert.Equal(5, texts.Count(t => t.StartsWith("Trích: “", StringComparison.Ordinal)));
        document.Dispose();

        // An existing handout (perhaps edited by the trainer) is kept unless --overwrite is given.
        var before = await File.ReadAllBytesAsync(file);
        var again = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "quiz", "--doc", "kl-tu-nq03", "--n", "3", "--format", "docx", "--output", file);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("--overwrite", again.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
        var forced = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "quiz", "--doc", "kl-tu-nq03", "--n", "3", "--format", "docx", "--output", file, "--overwrite");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("Đã ghi 3 câu hỏi vào", forced.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_summary_is_marked_unofficial_and_a_short_quiz_says_so()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, "quiz", "--doc", "kl-38", "--n", "100");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("> Kết luận 38-KL/TW: đây là bản tóm tắt không chính thức", result.Output, StringComparison.Ordinal);
        Assert.Contains("bản tóm tắt không chính thức", result.Diagnostics, StringComparison.Ordinal);
        Assert.Matches(@"Chỉ tạo được \d+/100 câu hỏi", result.Diagnostics);
    }

    [Theory]
    [InlineData(new[] { "--doc", "khong-co" }, "Các mã hợp lệ: ct-05, hd-33-btctw", 1)]
    [InlineData(new[] { "--doc", "kl-tu-nq03", "--section", "IV" }, "Các mục hợp lệ: I, II, II.1", 1)]
    [InlineData(new[] { "--doc", "kl-tu-nq03", "--n", "101" }, "từ 1 đến 100", 2)]
    [InlineData(new[] { "--doc", "kl-tu-nq03", "--format", "pdf" }, "dùng md, json hoặc docx", 2)]
    [InlineData(new string[0], "Cần --doc", 2)]
    public async Task Bad_requests_get_a_vietnamese_message_and_exit_1_or_2_for_a_wrong_option(string[] args, string expected, int exitCode)
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, this.Data, ["quiz", .. args]);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(expected, result.Diagnostics, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }
}
