using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PartyAssistant.Corpus;
using PartyAssistant.Ingestion;
using PartyAssistant.Search;
using PartyAssistant.Storage;
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

    // ---- web pages ---------------------------------------------------------------------------

    [Fact]
    public async Task A_sloppy_real_world_page_is_not_taken_for_deep_nesting()
    {
        // Unclosed <p>, <li>, <td> and <font>, <br/>, an inline SVG of many self-closed paths, and
        // comments: a browser builds a shallow tree, and the check before parsing must see that too.
        var page = new StringBuilder("<html><body><div id=noi-dung><!-- bắt đầu --><table>");
        for (var i = 0; i < 300; i++)
        {
            page.Append("<tr><td><font face=Arial><b>Ô ").Append(i).Append("<td>x");
        }

        page.Append("</table><ul>");
        for (var i = 0; i < 300; i++)
        {
            page.Append("<li><font color=red>mục ").Append(i).Append("<br/>");
        }

        page.Append("</ul><svg>").Append(string.Concat(Enumerable.Repeat("<path d='M0 0'/>", 300))).Append("</svg>");
        for (var i = 0; i < 300; i++)
        {
            page.Append("<p><font size=3>Đoạn ").Append(i).Append(" có dấu < và &nbsp;&amp; ký tự.");
        }

        await System.IO.File.WriteAllTextAsync(this.File("cu.html"), page.ToString());

        var extracted = await new HtmlTextExtractor(new IngestionOptions { MaxNestingDepth = 16 }).ExtractAsync(this.File("cu.html"), CancellationToken.None);

        Assert.Contains(extracted.Paragraphs, p => p.Text == "Đoạn 299 có dấu < và & ký tự.");
        Assert.Contains(extracted.Paragraphs, p => p.Text == "- mục 299");
    }

    [Fact]
    public async Task Nesting_past_the_limit_is_refused_before_the_page_is_parsed()
    {
        await System.IO.File.WriteAllTextAsync(this.File("sau.html"), "<body>" + string.Concat(Enumerable.Repeat("<div><span>", 9)) + "chữ");
        var limits = new IngestionOptions { MaxNestingDepth = 18 };
        var extracted = await new HtmlTextExtractor(limits).ExtractAsync(this.File("sau.html"), CancellationToken.None);
        Assert.Equal("chữ", Assert.Single(extracted.Paragraphs).Text);

        await System.IO.File.WriteAllTextAsync(this.File("sau-hon.html"), "<body>" + string.Concat(Enumerable.Repeat("<div><span>", 9)) + "<b>chữ");
        var error = await Assert.ThrowsAsync<IngestException>(() => new HtmlTextExtractor(limits).ExtractAsync(this.File("sau-hon.html"), CancellationToken.None));
        Assert.Contains("18 tầng (Ingestion:MaxNestingDepth)", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paragraph_made_of_many_short_runs_is_measured_whole()
    {
        // Every run between tags is short, so only the walk over the parsed page sees the paragraph's length.
        var runs = string.Concat(Enumerable.Repeat("<span>Đảng viên gương mẫu.</span> ", 100));
        await System.IO.File.WriteAllTextAsync(this.File("nhieu-doan-ngan.html"), $"<body><p>{runs}</p>");

        var error = await Assert.ThrowsAsync<IngestException>(() =>
            new HtmlTextExtractor(new IngestionOptions { MaxParagraphChars = 1_000 }).ExtractAsync(this.File("nhieu-doan-ngan.html"), CancellationToken.None));
        Assert.Contains("Ingestion:MaxParagraphChars", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_items_are_numbered_by_position_counting_hidden_ones()
    {
        await System.IO.File.WriteAllTextAsync(this.File("ds.html"), "<body><ol start=3><li>một</li><li hidden>ẩn</li><li>hai</li></ol><ol type=a><li>x</li><li>y</li></ol>");

        var extracted = await new HtmlTextExtractor().ExtractAsync(this.File("ds.html"), CancellationToken.None);

        Assert.Equal(["3. một", "5. hai", "a) x", "b) y"], extracted.Paragraphs.Select(p => p.Text));
    }

    // ---- time budget and settings ------------------------------------------------------------

    [Fact]
    public async Task A_reader_that_never_finishes_is_stopped_by_the_time_budget()
    {
        await System.IO.File.WriteAllTextAsync(this.File("treo.slow"), "x");
        var never = new TaskCompletionSource<ExtractedText>();
        var ingester = this.Ingester(new IngestionOptions { TimeBudgetSeconds = 1 }, new StuckExtractor(never.Task));

        var started = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<IngestException>(() => ingester.PrepareAsync(new IngestRequest(this.File("treo.slow")), [], [], CancellationToken.None));

        Assert.Contains("1 giây (Ingestion:TimeBudgetSeconds)", error.Problem, StringComparison.Ordinal);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Stopping_the_command_is_not_reported_as_the_budget_running_out()
    {
        await System.IO.File.WriteAllTextAsync(this.File("treo.slow"), "x");
        var ingester = this.Ingester(new IngestionOptions { TimeBudgetSeconds = 60 }, new StuckExtractor(new TaskCompletionSource<ExtractedText>().Task));
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingester.PrepareAsync(new IngestRequest(this.File("treo.slow")), [], [], stop.Token));
    }

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

    private DocumentIngester Ingester(IngestionOptions limits, IDocumentTextExtractor extractor)
    {
        var index = new CorpusIndex(
            Options.Create(new CorpusOptions { Directory = Path.Combine(this.temp.Path, "corpus") }),
            Options.Create(new StorageOptions { DataDirectory = Path.Combine(this.temp.Path, "data") }),
            Options.Create(new SearchOptions()),
            new CorpusLoader(NullLogger<CorpusLoader>.Instance),
            NullLoggerFactory.Instance);
        return new DocumentIngester(new DocumentTextExtractors([extractor]), index, limits, NullLogger<DocumentIngester>.Instance);
    }

    /// <summary>A reader that hangs and never looks at its token, as a library caught in a loop would.</summary>
    private sealed class StuckExtractor(Task<ExtractedText> result) : IDocumentTextExtractor
    {
        public IReadOnlyCollection<string> Extensions { get; } = [".slow"];

        public Task<ExtractedText> ExtractAsync(string path, CancellationToken cancellationToken) => result;
    }
}
