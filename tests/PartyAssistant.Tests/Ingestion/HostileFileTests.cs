using PartyAssistant.Tests.Cli;
using Xunit.Abstractions;

namespace PartyAssistant.Tests.Ingestion;

/// <summary>
/// Files built to hurt the reader, through the real `ingest` command with the default limits: each is
/// refused in seconds, with memory to spare, and the corpus is left as it was.
/// Before the limits, the zip bomb took 7.4 GB and over four minutes, the nested tables crashed the
/// process and the nested &lt;div&gt; ran for minutes.
/// </summary>
[Collection(nameof(HostileFileCollection))]
public sealed class HostileFileTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);
    private const long MemoryLimit = 500_000_000;

    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    private string Corpus => Path.Combine(this.temp.Path, "corpus");

    private string Data => Path.Combine(this.temp.Path, "data");

    [Theory]
    [InlineData("bom-nen.docx", "Ingestion:MaxUnpackedBytes")]
    [InlineData("nen-qua-muc.docx", "Ingestion:MaxCompressionRatio")]
    [InlineData("bang-long-nhau.docx", "Ingestion:MaxNestingDepth")]
    [InlineData("div-long-nhau.html", "Ingestion:MaxNestingDepth")]
    [InlineData("mot-doan-50mb.html", "Ingestion:MaxParagraphChars")]
    public async Task A_hostile_file_is_refused_quickly_naming_the_limit(string name, string key)
    {
        this.temp.CopyCorpus();
        var path = Path.Combine(this.temp.Path, name);
        switch (name)
        {
            // 200 MB of XML in about 600 KB, the size of the bomb that took 7.4 GB.
            case "bom-nen.docx": HostileFiles.ZipBombDocx(path, 200_000_000); break;
            // Under the size limit, but packed several hundred times.
            case "nen-qua-muc.docx": HostileFiles.ZipBombDocx(path, 20_000_000); break;
            case "bang-long-nhau.docx": HostileFiles.NestedTablesDocx(path, 20_000); break;
            case "div-long-nhau.html": HostileFiles.NestedDivsHtml(path, 200_000); break;
            case "mot-doan-50mb.html": HostileFiles.SingleParagraphHtml(path, 50_000_000); break;
        }

        var before = this.CorpusFiles();

        var (result, use) = await ResourceProbe.MeasureAsync(() => CliRunner.RunAsync(this.Corpus, this.Data, "ingest", path, "--yes"));
        log.WriteLine($"{name} ({new FileInfo(path).Length / 1000.0:0} KB): {use}; {result.Diagnostics.Trim()}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(key, result.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("Chưa ghi gì vào corpus", result.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(before, this.CorpusFiles());
        Assert.True(use.Elapsed < TimeLimit, $"{name} took {use.Elapsed}");
        Assert.True(use.PeakGrowthBytes < MemoryLimit, $"{name}: {use}");
    }

    [Fact]
    public async Task A_zip_whose_headers_understate_its_size_is_not_inflated_past_what_they_say()
    {
        this.temp.CopyCorpus();
        var path = Path.Combine(this.temp.Path, "bom-noi-doi.docx");

        // 200 MB that says it is 20 MB: small enough, and packed few enough times, to pass the directory checks.
        HostileFiles.LyingZipBombDocx(path, 200_000_000, claimedBytes: 20_000_000);

        var (result, use) = await ResourceProbe.MeasureAsync(() => CliRunner.RunAsync(this.Corpus, this.Data, "ingest", path, "--yes"));
        log.WriteLine($"bom-noi-doi.docx: {use}; {result.Diagnostics.Trim()}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("hỏng", result.Diagnostics, StringComparison.Ordinal);
        Assert.True(use.Elapsed < TimeLimit, $"took {use.Elapsed}");
        Assert.True(use.PeakGrowthBytes < MemoryLimit, use.ToString());
        Assert.True(use.AllocatedBytes < 200_000_000, $"read more than the headers say: {use}");
    }

    private List<string> CorpusFiles() => Directory.EnumerateFiles(this.Corpus, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;
}
