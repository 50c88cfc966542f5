using System.Text.Json;
using PartyAssistant.Corpus;
using PartyAssistant.Fakes;
using PartyAssistant.Ingestion;
using PartyAssistant.Tests.Cli;

namespace PartyAssistant.Tests.Ingestion;

/// <summary>
/// Scans read by OCR (pdftoppm and Tesseract's Vietnamese model, as installed by .ci/run): an
/// image-only PDF at 200 dpi and a page saved as PNG ingest with no hints, are marked as scans in the
/// corpus and in answers, and a machine without the tools gets a message naming the packages.
/// </summary>
[Collection(nameof(RealProducerCollection))]
public sealed class ScanIngestTests(RealProducerDocuments documents) : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    private string Data => Path.Combine(this.temp.Path, "data");

    private string Input(string source, string name)
    {
        var input = Path.Combine(this.temp.Path, name);
        File.Copy(source, input);
        return input;
    }

    [Fact]
    public async Task A_200_dpi_scan_ingests_with_no_hints_and_its_answer_is_cited_as_a_scan()
    {
        var corpus = this.temp.CopyCorpus();
        var scan = this.Input(await documents.ScanAsync(200), "ban-quet.pdf");

        var result = await CliRunner.RunAsync(corpus, this.Data, "ingest", scan, "--yes");

        Assert.True(result.ExitCode == 0, result.Console + result.Diagnostics);
        // The preview says which pages were read by OCR.
        Assert.Contains("Trang 1, 2 là ảnh quét, chữ được nhận dạng (OCR)", result.Console, StringComparison.Ordinal);
        var path = Path.Combine(corpus, CommuneRegulation.Id + ".md");
        var markdown = File.ReadAllText(path);
        Assert.Contains("\nocr: true\n", markdown, StringComparison.Ordinal);
        var document = CorpusFileParser.Parse(path, markdown);
        var metadata = document.Metadata;
        Assert.True(metadata.Ocr);
        Assert.Equal((CommuneRegulation.Type, CommuneRegulation.Number, CommuneRegulation.Date, CommuneRegulation.Title, CommuneRegulation.Signer),
            (metadata.Type, metadata.Number, metadata.Date, metadata.Title, metadata.Signer));
        Assert.Equal(PartyAssistant.Text.VietnameseText.Fold(CommuneRegulation.Issuer), PartyAssistant.Text.VietnameseText.Fold(metadata.Issuer!));
        Assert.Contains(metadata.Issuer!, new[] { "Đảng uỷ xã An Phú", "Đảng ủy xã An Phú" });
        RealProducerIngestTests.AssertHasTheRegulationsBody(document, tolerance: 0.05);

        var ask = await CliRunner.RunAsync(corpus, this.Data, "ask", "Bí thư chi bộ phải gửi dự thảo nội dung sinh hoạt trước mấy ngày?", "--json");

        Assert.Equal(0, ask.ExitCode);
        using var answer = JsonDocument.Parse(ask.Output);
        Assert.False(answer.RootElement.GetProperty("abstained").GetBoolean());
        var text = answer.RootElement.GetProperty("answer").GetString()!;
        Assert.Contains("03 ngày", text, StringComparison.Ordinal);
        Assert.Contains(answer.RootElement.GetProperty("citations").EnumerateArray(),
            c => c.GetProperty("label").GetString() == "Quy định 27-QĐ/ĐU · Điều 2, khoản 2");
        Assert.Contains("Quy định 27-QĐ/ĐU · Điều 2, khoản 2 " + PartyAssistant.Answering.SourceList.ScanMark, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_saved_as_an_image_is_read_the_same_way()
    {
        var corpus = this.temp.CopyCorpus();
        var pages = await OfficeProducers.PageImagesAsync(documents.ChromiumPdf, 200, Path.Combine(this.temp.Path, "anh"), CancellationToken.None);
        var image = this.Input(pages[0], "trang-1.png");

        var result = await CliRunner.RunAsync(corpus, this.Data, "ingest", image, "--yes", "--json");

        Assert.True(result.ExitCode == 0, result.Console + result.Diagnostics);
        using var json = JsonDocument.Parse(result.Output);
        var entry = json.RootElement[0];
        Assert.Equal(CommuneRegulation.Number, entry.GetProperty("number").GetString());
        Assert.Equal("2026-03-15", entry.GetProperty("date").GetString());
        Assert.Equal(CommuneRegulation.Title, entry.GetProperty("title").GetString());
        Assert.Contains(entry.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("Trang 1 là ảnh quét", StringComparison.Ordinal));
        var markdown = File.ReadAllText(Path.Combine(corpus, CommuneRegulation.Id + ".md"));
        Assert.Contains("\nocr: true\n", markdown, StringComparison.Ordinal);
        Assert.Contains("ít nhất 03 ngày trước ngày sinh hoạt", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ocr:PdftoppmPath", "pdftoppm")]
    [InlineData("Ocr:TesseractPath", "tesseract")]
    public async Task Without_the_OCR_tools_a_scan_is_refused_naming_the_packages_and_nothing_is_written(string setting, string tool)
    {
        var corpus = this.temp.CopyCorpus();
        var before = Directory.GetFiles(corpus).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var scan = this.Input(await documents.ScanAsync(200), "ban-quet.pdf");
        var missing = Path.Combine(this.temp.Path, "khong-co", tool);

        var result = await CliRunner.RunWithSettingsAsync(corpus, this.Data, new Dictionary<string, string?> { [setting] = missing }, "ingest", scan, "--yes");

        Assert.Equal(1, result.ExitCode);
        var said = result.Console + result.Diagnostics;
        Assert.Contains($"chưa cài công cụ nhận dạng chữ (OCR) \"{missing}\" ({setting})", said, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie", said, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(corpus).Select(Path.GetFileName).Where(f => f != IngestLock.FileName).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Bad_OCR_settings_are_refused_naming_the_key()
    {
        var result = new OcrOptionsValidator().Validate(null, new OcrOptions { RenderDpi = 50, PageTimeoutSeconds = 0, MaxPages = 0, LowConfidence = 101, Language = "vie; rm", TesseractPath = " " });

        Assert.True(result.Failed);
        foreach (var key in new[] { "Ocr:RenderDpi", "Ocr:PageTimeoutSeconds", "Ocr:MaxPages", "Ocr:LowConfidence", "Ocr:Language", "Ocr:TesseractPath" })
        {
            Assert.Contains(result.Failures!, f => f.StartsWith(key, StringComparison.Ordinal));
        }

        Assert.True(new OcrOptionsValidator().Validate(null, new OcrOptions()).Succeeded);
    }
}
