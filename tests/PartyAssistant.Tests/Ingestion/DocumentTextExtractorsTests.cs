using PartyAssistant.Fakes;
using PartyAssistant.Ingestion;

namespace PartyAssistant.Tests.Ingestion;

public sealed class DocumentTextExtractorsTests
{
    private readonly DocumentTextExtractors extractors = new();

    [Fact]
    public async Task Picks_the_extractor_by_extension_in_any_case()
    {
        using var temp = new TempDirectory();
        var document = SampleDocuments.Regulation(articles: 2);
        var docx = Path.Combine(temp.Path, "QUY-DINH.DOCX");
        var pdf = Path.Combine(temp.Path, "Quy-Dinh.Pdf");
        var text = Path.Combine(temp.Path, "ghi-chu.TXT");
        SampleDocx.Write(docx, document);
        SamplePdf.Write(pdf, document);
        await File.WriteAllTextAsync(text, "Đảng uỷ");

        Assert.Equal("docx", (await this.extractors.ExtractAsync(docx, CancellationToken.None)).Format);
        Assert.Equal("pdf", (await this.extractors.ExtractAsync(pdf, CancellationToken.None)).Format);
        Assert.Equal("txt", (await this.extractors.ExtractAsync(text, CancellationToken.None)).Format);
        Assert.Equal([".docx", ".htm", ".html", ".jpeg", ".jpg", ".md", ".pdf", ".png", ".tif", ".tiff", ".txt"], this.extractors.Extensions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unsupported_extension_is_named_with_the_supported_list()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "bang.XYZ");
        await File.WriteAllTextAsync(path, "nội dung");

        var error = await Assert.ThrowsAsync<IngestException>(() => this.extractors.ExtractAsync(path, CancellationToken.None));

        Assert.Equal("định dạng \".xyz\" chưa được hỗ trợ (hỗ trợ: .docx, .pdf, .html, .htm, .txt, .md, và ảnh quét .png, .jpg, .tif).", error.Problem);
    }

    [Fact]
    public async Task Old_doc_file_is_refused_with_advice_to_save_as_docx()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "cu.doc");
        await File.WriteAllBytesAsync(path, [0xD0, 0xCF, 0x11, 0xE0]);

        var error = await Assert.ThrowsAsync<IngestException>(() => this.extractors.ExtractAsync(path, CancellationToken.None));

        Assert.Contains("lưu thành .docx", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_is_reported()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "khong-co.pdf");

        var error = await Assert.ThrowsAsync<IngestException>(() => this.extractors.ExtractAsync(path, CancellationToken.None));

        Assert.Contains("không tìm thấy tệp", error.Problem, StringComparison.Ordinal);
        Assert.Contains("khong-co.pdf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_without_text_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "trong.md");
        await File.WriteAllTextAsync(path, "\n  \n\t\n");

        var error = await Assert.ThrowsAsync<IngestException>(() => this.extractors.ExtractAsync(path, CancellationToken.None));

        Assert.Equal("tệp không có nội dung chữ.", error.Problem);
    }
}
