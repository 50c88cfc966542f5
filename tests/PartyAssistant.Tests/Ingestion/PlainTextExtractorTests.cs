using System.Text;
using PartyAssistant.Ingestion;

namespace PartyAssistant.Tests.Ingestion;

public sealed class PlainTextExtractorTests
{
    [Fact]
    public async Task Each_line_is_a_paragraph_when_lines_are_not_wrapped()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "van-ban.txt");
        await File.WriteAllTextAsync(path, "ĐẢNG CỘNG SẢN VIỆT NAM\r\n\r\nĐiều 1. Phạm vi\n1. Đảng uỷ   cơ sở họp.\na) Nội dung;\n\n\nđ) Nội dung khác.\n", new UTF8Encoding(true));

        var extracted = await new PlainTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(["ĐẢNG CỘNG SẢN VIỆT NAM", "Điều 1. Phạm vi", "1. Đảng uỷ cơ sở họp.", "a) Nội dung;", "đ) Nội dung khác."], extracted.Paragraphs.Select(p => p.Text));
        Assert.DoesNotContain('\uFEFF', extracted.Paragraphs[0].Text);
    }

    [Fact]
    public async Task Hard_wrapped_paragraphs_between_blank_lines_are_joined_but_markers_split()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "xuong-dong.txt");
        await File.WriteAllTextAsync(path, """
            Điều 2. Nguyên tắc
            thực hiện

            1. Cấp uỷ các cấp có trách nhiệm
            xây dựng kế hoạch hằng năm.
            2. Chi bộ thực hiện theo
            hướng dẫn của cấp trên.

            Quy định này có hiệu lực
            kể từ ngày ký.
            """);

        var extracted = await new PlainTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(
            ["Điều 2. Nguyên tắc thực hiện", "1. Cấp uỷ các cấp có trách nhiệm xây dựng kế hoạch hằng năm.", "2. Chi bộ thực hiện theo hướng dẫn của cấp trên.", "Quy định này có hiệu lực kể từ ngày ký."],
            extracted.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public async Task Markdown_heading_and_bold_marks_are_removed()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "ghi-chu.md");
        await File.WriteAllTextAsync(path, "# QUY ĐỊNH\n## Điều 1. **Phạm vi** điều chỉnh\n* Đảng uỷ __cơ sở__\n#hashtag giữ nguyên\n");

        var extracted = await new PlainTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(["QUY ĐỊNH", "Điều 1. Phạm vi điều chỉnh", "- Đảng uỷ cơ sở", "#hashtag giữ nguyên"], extracted.Paragraphs.Select(p => p.Text));
        Assert.Equal("md", extracted.Format);
    }

    [Fact]
    public async Task UTF16_with_BOM_and_decomposed_text_are_read_as_NFC()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "utf16.txt");
        await File.WriteAllTextAsync(path, "Đảng uỷ theo điểm đ)".Normalize(NormalizationForm.FormD), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        var extracted = await new PlainTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal("Đảng uỷ theo điểm đ)", Assert.Single(extracted.Paragraphs).Text);
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_are_refused()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "tcvn3.txt");
        // TCVN3 (ABC) bytes for old Vietnamese fonts: not valid UTF-8.
        await File.WriteAllBytesAsync(path, [0xA7, 0xB6, 0x6E, 0x67, 0x20, 0xE7, 0x79]);

        var error = await Assert.ThrowsAsync<IngestException>(() => new PlainTextExtractor().ExtractAsync(path, CancellationToken.None));

        Assert.Contains("tệp không phải UTF-8", error.Problem, StringComparison.Ordinal);
    }
}
