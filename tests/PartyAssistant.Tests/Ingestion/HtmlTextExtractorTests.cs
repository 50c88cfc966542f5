using System.Text;
using PartyAssistant.Fakes;
using PartyAssistant.Ingestion;

namespace PartyAssistant.Tests.Ingestion;

public sealed class HtmlTextExtractorTests
{
    [Fact]
    public async Task Reads_the_document_and_leaves_out_navigation_scripts_and_footer()
    {
        using var temp = new TempDirectory();
        var document = SampleDocuments.Regulation();
        var path = Path.Combine(temp.Path, "trang.html");
        SampleHtml.Write(path, document);
        Assert.Contains("Trang chủ", await File.ReadAllTextAsync(path), StringComparison.Ordinal);

        var extracted = await new HtmlTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(document.Paragraphs, extracted.Paragraphs.Select(p => p.Text));
        foreach (var noise in SampleHtml.NoiseMarkers)
        {
            Assert.DoesNotContain(extracted.Paragraphs, p => p.Text.Contains(noise, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Lists_breaks_and_entities()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "danh-sach.htm");
        await File.WriteAllTextAsync(path, """
            <html><body>
            <p>Điều 3. Trách nhiệm<br/>của&nbsp;cấp uỷ &amp; chi bộ &#272;&#7843;ng uỷ</p>
            <ul><li>Như Điều 3,</li><li>- Lưu.</li></ul>
            <ol type="a"><li>điểm thứ nhất;</li><li>điểm thứ hai.</li></ol>
            <ol start="2"><li>Khoản thứ hai.</li></ol>
            <div>Văn bản <span>trong</span> <em>div</em><div>khối con</div></div>
            </body></html>
            """);

        var extracted = await new HtmlTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(
            ["Điều 3. Trách nhiệm", "của cấp uỷ & chi bộ Đảng uỷ", "- Như Điều 3,", "- Lưu.", "a) điểm thứ nhất;", "b) điểm thứ hai.",
             "2. Khoản thứ hai.", "Văn bản trong div", "khối con"],
            extracted.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public async Task Declared_charset_is_respected()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "latin1.html");
        // "Hà Nội" in ISO-8859-1 cannot hold "ộ", so the page spells it with an entity, as such pages do.
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Hà N&#7897;i, ngày 02</p></body></html>");
        await File.WriteAllBytesAsync(path, bytes);

        var extracted = await new HtmlTextExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal("Hà Nội, ngày 02", Assert.Single(extracted.Paragraphs).Text);
    }
}
