using PartyAssistant.Ingestion;
using PartyAssistant.Tests.Cli;

namespace PartyAssistant.Tests.Ingestion;

/// <summary>
/// The limits at their edges, with small settings so the files stay small: what is just inside is
/// read as before, what is just outside is refused naming its setting.
/// </summary>
public sealed class IngestionLimitTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    private string File(string name) => Path.Combine(this.temp.Path, name);

    [Fact]
    public async Task A_file_larger_than_the_unpacked_limit_is_refused_before_it_is_read()
    {
        await System.IO.File.WriteAllTextAsync(this.File("lon.html"), "<p>" + new string('a', 1_100_000) + "</p>");

        var error = await Assert.ThrowsAsync<IngestException>(() =>
            new HtmlTextExtractor(new IngestionOptions { MaxUnpackedBytes = 1024 * 1024, MaxParagraphChars = 2_000_000 }).ExtractAsync(this.File("lon.html"), CancellationToken.None));
        Assert.Contains("Ingestion:MaxUnpackedBytes", error.Problem, StringComparison.Ordinal);
    }

    // ---- settings ----------------------------------------------------------------------------

    [Theory]
    [InlineData("Ingestion:MaxUnpackedBytes", "0")]
    [InlineData("Ingestion:MaxZipEntries", "-1")]
    [InlineData("Ingestion:MaxCompressionRatio", "1")]
    [InlineData("Ingestion:MaxNestingDepth", "100000")]
    [InlineData("Ingestion:MaxParagraphChars", "10")]
    [InlineData("Ingestion:TimeBudgetSeconds", "0")]
    [InlineData("Ingestion:LockWaitSeconds", "-5")]
    public async Task A_bad_limit_is_refused_at_start_naming_its_key(string key, string value)
    {
        var corpus = this.temp.CopyCorpus();
        HostileFiles.PlainDocx(this.File("a.docx"), ["Mở đầu."]);

        var result = await CliRunner.RunWithSettingsAsync(corpus, Path.Combine(this.temp.Path, "data"), new Dictionary<string, string?> { [key] = value },
            "ingest", this.File("a.docx"), "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(key, result.Diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("Đang đọc", result.Diagnostics, StringComparison.Ordinal);
    }
}
