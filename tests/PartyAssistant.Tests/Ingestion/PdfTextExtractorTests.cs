using System.Text.RegularExpressions;
using PartyAssistant.Fakes;
using PartyAssistant.Ingestion;

namespace PartyAssistant.Tests.Ingestion;

public sealed class PdfTextExtractorTests
{
    [Fact]
    public async Task Reads_every_paragraph_in_order_with_header_block_by_columns()
    {
        using var temp = new TempDirectory();
        var document = SampleDocuments.Regulation();
        var path = Path.Combine(temp.Path, "quy-dinh.pdf");
        var layout = SamplePdf.Write(path, document);

        var extracted = await new PdfTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.True(layout.PageCount >= 3, $"the sample should run over several pages, got {layout.PageCount}");
        Assert.Equal(layout.PageCount, extracted.PageCount);
        Assert.Equal(document.Paragraphs, extracted.Paragraphs.Select(p => p.Text));
        Assert.Equal("pdf", extracted.Format);
    }

    [Fact]
    public async Task Running_header_and_page_numbers_never_appear()
    {
        using var temp = new TempDirectory();
        var document = SampleDocuments.Regulation();
        var path = Path.Combine(temp.Path, "quy-dinh.pdf");
        SamplePdf.Write(path, document);

        var extracted = await new PdfTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.DoesNotContain(extracted.Paragraphs, p => p.Text.Contains(document.RunningHeader, StringComparison.Ordinal));
        Assert.DoesNotContain(extracted.Paragraphs, p => Regex.IsMatch(p.Text, @"Trang \d+/\d+"));
    }

    [Fact]
    public async Task Sentence_cut_by_a_page_break_comes_out_whole_on_its_first_page()
    {
        using var temp = new TempDirectory();
        var document = SampleDocuments.Regulation();
        var path = Path.Combine(temp.Path, "quy-dinh.pdf");
        var layout = SamplePdf.Write(path, document);

        var extracted = await new PdfTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.NotEmpty(layout.SplitParagraphs);
        foreach (var split in layout.SplitParagraphs)
        {
            var paragraph = Assert.Single(extracted.Paragraphs, p => p.Text == split);
            Assert.True(paragraph.Page < extracted.PageCount);
        }

        Assert.Equal(1, extracted.Paragraphs[0].Page);
        Assert.Equal(extracted.PageCount, extracted.Paragraphs[^1].Page);
    }

    [Fact]
    public async Task Vietnamese_text_is_exact_and_NFC()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "quy-dinh.pdf");
        SamplePdf.Write(path, SampleDocuments.Regulation());

        var extracted = await new PdfTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Contains(extracted.Paragraphs, p => p.Text.StartsWith("Quy định này quy định về công tác kiểm tra, giám sát của Đảng uỷ cơ sở", StringComparison.Ordinal));
        Assert.Contains(extracted.Paragraphs, p => p.Text.Contains("theo điểm đ) khoản 2 Điều này.", StringComparison.Ordinal));
        Assert.Contains(extracted.Paragraphs, p => p.Text == "Hà Nội, ngày 02 tháng 01 năm 2020");
        Assert.All(extracted.Paragraphs, p => Assert.True(p.Text.IsNormalized(System.Text.NormalizationForm.FormC)));
    }

    [Fact]
    public async Task Hundred_page_regulation_comes_out_whole()
    {
        using var temp = new TempDirectory();
        var document = SampleDocuments.LargeRegulation();
        var path = Path.Combine(temp.Path, "lon.pdf");
        var layout = SamplePdf.Write(path, document);

        var extracted = await new PdfTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.InRange(layout.PageCount, 80, 130);
        Assert.Equal(document.Paragraphs, extracted.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public async Task Encrypted_pdf_is_refused_with_advice()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "mat-khau.pdf");
        SamplePdf.WriteEncrypted(path);

        var error = await Assert.ThrowsAsync<IngestException>(() => new PdfTextExtractor().ExtractAsync(path, CancellationToken.None));

        Assert.Contains("đặt mật khẩu/mã hoá", error.Problem, StringComparison.Ordinal);
        Assert.IsType<UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException>(error.InnerException);
    }

    [Fact]
    public async Task Pdf_without_text_layer_asks_for_OCR()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "ban-quet.pdf");
        SamplePdf.WriteWithoutTextLayer(path);

        var error = await Assert.ThrowsAsync<IngestException>(() => new PdfTextExtractor().ExtractAsync(path, CancellationToken.None));

        Assert.Contains("không có lớp văn bản", error.Problem, StringComparison.Ordinal);
        Assert.Contains("OCR", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_pdf_is_reported_as_damaged()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "cut.pdf");
        SamplePdf.WriteTruncated(path, SampleDocuments.Regulation());

        var error = await Assert.ThrowsAsync<IngestException>(() => new PdfTextExtractor().ExtractAsync(path, CancellationToken.None));

        Assert.StartsWith("tệp PDF hỏng hoặc không đọc được: ", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scanned_page_among_text_pages_is_named_in_a_warning()
    {
        using var temp = new TempDirectory();
        var text = Path.Combine(temp.Path, "text.pdf");
        var scan = Path.Combine(temp.Path, "scan.pdf");
        var layout = SamplePdf.Write(text, SampleDocuments.Regulation());
        SamplePdf.WriteWithoutTextLayer(scan, pages: 1);
        var mixed = Path.Combine(temp.Path, "mixed.pdf");
        await File.WriteAllBytesAsync(mixed, UglyToad.PdfPig.Writer.PdfMerger.Merge(text, scan));

        var extracted = await new PdfTextExtractor().ExtractAsync(mixed, CancellationToken.None);

        var warning = Assert.Single(extracted.Warnings);
        Assert.Contains($"Trang {layout.PageCount + 1} không có lớp chữ", warning, StringComparison.Ordinal);
        Assert.NotEmpty(extracted.Paragraphs);
    }
}
