using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PartyAssistant.Fakes;
using PartyAssistant.Ingestion;

namespace PartyAssistant.Tests.Ingestion;

public sealed class DocxTextExtractorTests
{
    [Fact]
    public async Task Reads_header_table_cell_by_cell_then_body_and_closing_in_order()
    {
        using var temp = new TempDirectory();
        var document = SampleDocuments.Regulation();
        var path = Path.Combine(temp.Path, "quy-dinh.docx");
        SampleDocx.Write(path, document);

        var extracted = await new DocxTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(document.Paragraphs, extracted.Paragraphs.Select(p => p.Text));
        Assert.Equal(["BAN CHẤP HÀNH TRUNG ƯƠNG", "*", "Số 99-QĐ/TW", "ĐẢNG CỘNG SẢN VIỆT NAM"], extracted.Paragraphs.Take(4).Select(p => p.Text));
        Assert.Equal("docx", extracted.Format);
        Assert.Equal(1, extracted.PageCount);
    }

    [Fact]
    public async Task Automatic_numbering_gives_khoan_and_diem_markers_restarting_per_article()
    {
        using var temp = new TempDirectory();
        var document = SampleDocuments.Regulation();
        var path = Path.Combine(temp.Path, "danh-so.docx");
        SampleDocx.Write(path, document, automaticNumbering: true);

        using (var word = WordprocessingDocument.Open(path, false))
        {
            // The markers really are Word numbering, not typed text.
            var numbered = word.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>()
                .Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
            Assert.True(numbered.Count > 20);
            Assert.DoesNotContain(numbered, p => p.InnerText.StartsWith("1. ", StringComparison.Ordinal) || p.InnerText.StartsWith("a) ", StringComparison.Ordinal));
        }

        var extracted = await new DocxTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(document.Paragraphs, extracted.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public async Task Soft_line_break_is_a_space_in_body_text_and_page_header_part_is_ignored()
    {
        using var temp = new TempDirectory();
        var document = new SampleDocument(["ĐẢNG BỘ TỈNH MẪU"], ["ĐẢNG CỘNG SẢN VIỆT NAM"], ["QUY CHẾ"],
            ["Điều 1. Phạm vi\nđiều chỉnh", "Đảng uỷ\tcơ sở  họp   thường kỳ."], [], []);
        var path = Path.Combine(temp.Path, "ngat-dong.docx");
        SampleDocx.Write(path, document, pageHeaderText: "Tiêu đề trang lặp lại");

        var extracted = await new DocxTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(
            ["ĐẢNG BỘ TỈNH MẪU", "ĐẢNG CỘNG SẢN VIỆT NAM", "QUY CHẾ", "Điều 1. Phạm vi điều chỉnh", "Đảng uỷ cơ sở họp thường kỳ."],
            extracted.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public async Task Decomposed_Vietnamese_comes_out_NFC()
    {
        using var temp = new TempDirectory();
        var decomposed = "Đảng uỷ quyết định theo điểm đ) khoản 2.".Normalize(NormalizationForm.FormD);
        var path = Path.Combine(temp.Path, "nfd.docx");
        SampleDocx.Write(path, new SampleDocument([], [], [], [decomposed], [], []));

        var extracted = await new DocxTextExtractor().ExtractAsync(path, CancellationToken.None);

        var text = Assert.Single(extracted.Paragraphs).Text;
        Assert.NotEqual(decomposed, text);
        Assert.Equal("Đảng uỷ quyết định theo điểm đ) khoản 2.", text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task File_that_is_not_a_zip_is_refused_as_a_damaged_docx()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "hong.docx");
        await File.WriteAllTextAsync(path, "đây không phải tệp Word");

        var error = await Assert.ThrowsAsync<IngestException>(() => new DocxTextExtractor().ExtractAsync(path, CancellationToken.None));

        Assert.Contains("tệp .docx hỏng", error.Problem, StringComparison.Ordinal);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public async Task Zip_without_a_Word_document_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "zip.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            await writer.WriteAsync("không có document.xml");
        }

        var error = await Assert.ThrowsAsync<IngestException>(() => new DocxTextExtractor().ExtractAsync(path, CancellationToken.None));

        Assert.Contains("docx hỏng", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Old_binary_Word_file_renamed_to_docx_is_refused_with_advice()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "cu.docx");
        await File.WriteAllBytesAsync(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);

        var error = await Assert.ThrowsAsync<IngestException>(() => new DocxTextExtractor().ExtractAsync(path, CancellationToken.None));

        Assert.Contains("lưu thành .docx", error.Problem, StringComparison.Ordinal);
    }
}
