using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Reads a saved web page: block elements become paragraphs, &lt;br&gt; splits lines, and the site's
/// navigation, scripts and page header/footer are left out. The charset is taken from the bytes
/// (BOM or &lt;meta charset&gt;), as a browser would.
/// </summary>
public sealed class HtmlTextExtractor(IngestionOptions limits) : IDocumentTextExtractor
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "nav", "header", "footer", "noscript", "template", "head", "svg", "iframe", "aside", "button", "select",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "blockquote", "pre", "section", "article", "main",
        "ul", "ol", "table", "tr", "thead", "tbody", "tfoot", "dl", "dt", "dd", "figure", "figcaption", "address", "hr",
        "center", "body", "caption", "form", "fieldset", "details", "summary",
    };

    public HtmlTextExtractor()
        : this(new IngestionOptions())
    {
    }

    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    public async Task<ExtractedText> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await IngestFile.ReadAllBytesAsync(path, limits.MaxUnpackedBytes, cancellationToken).ConfigureAwait(false);
        using var stream = new MemoryStream(bytes, writable: false);
        var document = await new HtmlParser().ParseDocumentAsync(stream, cancellationToken).ConfigureAwait(false);
        var walker = new Walker();
        if (document.Body is { } body)
        {
            walker.Visit(body, inPre: false);
        }

        walker.Flush();
        return new ExtractedText(path, "html", walker.Paragraphs, 1);
    }

    private sealed class Walker
    {
        private readonly StringBuilder line = new();

        public List<ExtractedParagraph> Paragraphs { get; } = [];

        public void Visit(INode node, bool inPre)
        {
            switch (node)
            {
                case IText text when inPre:
                    // Preformatted text keeps its own line breaks.
                    var parts = text.Data.Split('\n');
                    for (var i = 0; i < parts.Length; i++)
                    {
                        if (i > 0)
                        {
                            this.Flush();
                        }

                        this.line.Append(parts[i]);
                    }

                    break;
                case IText text:
                    this.line.Append(text.Data);
                    break;
                case IElement element:
                    this.VisitElement(element, inPre);
                    break;
            }
        }

        public void Flush()
        {
            ExtractedTextCleaner.AddParagraph(this.Paragraphs, this.line.ToString(), 1);
            this.line.Clear();
        }

        private void VisitElement(IElement element, bool inPre)
        {
            var name = element.LocalName;
            if (Skipped.Contains(name) || element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            if (name == "br")
            {
                this.Flush();
                return;
            }

            var block = Blocks.Contains(name);
            if (block)
            {
                this.Flush();
            }

            if (name == "li")
            {
                this.line.Append(ListMarker(element));
            }

            foreach (var child in element.ChildNodes)
            {
                this.Visit(child, inPre || name == "pre");
            }

            if (block)
            {
                this.Flush();
            }
        }

        /// <summary>"- " for a bulleted item, "3. " for the third item of a numbered list; nothing when the text carries its own marker.</summary>
        private static string ListMarker(IElement item)
        {
            if (StructuralMarker.StartsWithMarker(ExtractedTextCleaner.Clean(item.TextContent)))
            {
                return "";
            }

            if (item.ParentElement is not { LocalName: "ol" } list)
            {
                return "- ";
            }

            var start = int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
            var position = start + item.ParentElement.Children.Where(c => c.LocalName == "li").TakeWhile(c => c != item).Count();
            // type="a" lists are the điểm of a khoản, which Vietnamese documents write "a)".
            return list.GetAttribute("type") switch
            {
                "a" => $"{(char)('a' + ((position - 1) % 26))}) ",
                _ => $"{position.ToString(CultureInfo.InvariantCulture)}. ",
            };
        }
    }
}
