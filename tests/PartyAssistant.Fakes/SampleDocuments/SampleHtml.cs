using System.Net;
using System.Text;

namespace PartyAssistant.Fakes;

/// <summary>
/// Writes a <see cref="SampleDocument"/> as a saved web page: the document in the main content,
/// surrounded by the site's navigation, banner, scripts, styles and footer that ingestion must skip.
/// </summary>
public static class SampleHtml
{
    /// <summary>Words that appear only in the page's noise, for tests to check they are gone.</summary>
    public static IReadOnlyList<string> NoiseMarkers { get; } =
        ["Trang chủ", "Đăng nhập", "trackVisit", "Bản quyền thuộc", "Bật JavaScript", "color:"];

    public static void Write(string path, SampleDocument document)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>Văn bản</title>
            <style>body { color: #333; } .menu { color: red; }</style>
            <script>function trackVisit() { return "Trang chủ"; }</script></head>
            <body>
            <header><div class="banner">Cổng thông tin mẫu</div>
            <nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/login">Đăng nhập</a></li></ul></nav></header>
            <noscript>Bật JavaScript để xem đầy đủ.</noscript>
            <main><article>
            <table class="header-block"><tr>
            """);
        html.Append("<td>").Append(string.Join("<br>", document.HeaderLeft.Select(Encode))).Append("</td>");
        html.Append("<td>").Append(string.Join("", document.HeaderRight.Select(l => $"<p>{Encode(l)}</p>"))).Append("</td></tr></table>\n");
        foreach (var line in document.Title)
        {
            html.Append("<h1>").Append(Encode(line)).Append("</h1>\n");
        }

        foreach (var paragraph in document.Body)
        {
            var tag = paragraph.StartsWith("Điều ", StringComparison.Ordinal) ? "h3" : paragraph.StartsWith("Chương ", StringComparison.Ordinal) ? "h2" : "p";
            // Inline markup inside a paragraph must not split it.
            html.Append('<').Append(tag).Append('>').Append(Encode(paragraph).Replace("Đảng uỷ", "<strong>Đảng uỷ</strong>", StringComparison.Ordinal))
                .Append("</").Append(tag).Append(">\n");
        }

        html.Append("<div class=\"closing\"><div>").Append(string.Join("<br>\n", document.Recipients.Select(Encode))).Append("</div>");
        html.Append("<div>").Append(string.Join("<br>\n", document.Signature.Select(Encode))).Append("</div></div>\n");
        html.Append("""
            </article></main>
            <script>trackVisit();</script>
            <footer><p>Bản quyền thuộc Cổng thông tin mẫu &copy; 2020</p></footer>
            </body></html>
            """);
        File.WriteAllText(path, html.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    // Named and numeric entities both occur in saved pages; the extractor must decode either.
    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("&#39;", "&apos;", StringComparison.Ordinal);
}
