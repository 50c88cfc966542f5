using System.IO.Compression;
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

    // ---- .docx -------------------------------------------------------------------------------

    [Fact]
    public async Task Nested_tables_are_read_in_order_until_they_nest_too_deep()
    {
        // document, body, then three levels per table, then p, r, t: five tables reach depth 20.
        HostileFiles.NestedTablesDocx(this.File("bang.docx"), 5);
        var limits = new IngestionOptions { MaxNestingDepth = 20 };

        var extracted = await new DocxTextExtractor(limits).ExtractAsync(this.File("bang.docx"), CancellationToken.None);
        Assert.Equal("Đáy", Assert.Single(extracted.Paragraphs).Text);

        HostileFiles.NestedTablesDocx(this.File("sau-hon.docx"), 6);
        var error = await Assert.ThrowsAsync<IngestException>(() => new DocxTextExtractor(limits).ExtractAsync(this.File("sau-hon.docx"), CancellationToken.None));
        Assert.Contains("20 tầng (Ingestion:MaxNestingDepth)", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_docx_paragraph_is_refused_only_past_the_paragraph_limit()
    {
        var limits = new IngestionOptions { MaxParagraphChars = 1_000 };
        HostileFiles.PlainDocx(this.File("vua.docx"), ["Mở đầu.", new string('a', 1_000)]);
        HostileFiles.PlainDocx(this.File("dai.docx"), ["Mở đầu.", new string('a', 1_001)]);

        var extracted = await new DocxTextExtractor(limits).ExtractAsync(this.File("vua.docx"), CancellationToken.None);
        Assert.Equal(1_000, extracted.Paragraphs[1].Text.Length);

        var error = await Assert.ThrowsAsync<IngestException>(() => new DocxTextExtractor(limits).ExtractAsync(this.File("dai.docx"), CancellationToken.None));
        Assert.Contains("Ingestion:MaxParagraphChars", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_docx_with_too_many_entries_is_refused_from_its_directory()
    {
        HostileFiles.PlainDocx(this.File("nhieu.docx"), ["Mở đầu."]);
        using (var zip = ZipFile.Open(this.File("nhieu.docx"), ZipArchiveMode.Update))
        {
            for (var i = 0; i < 20; i++)
            {
                zip.CreateEntry($"word/media/image{i}.png");
            }
        }

        var error = await Assert.ThrowsAsync<IngestException>(() =>
            new DocxTextExtractor(new IngestionOptions { MaxZipEntries = 20 }).ExtractAsync(this.File("nhieu.docx"), CancellationToken.None));
        Assert.Contains("23 thành phần", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Ingestion:MaxZipEntries", error.Problem, StringComparison.Ordinal);
    }

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
