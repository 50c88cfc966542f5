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
        HtmlShapeCheck.Check(path, bytes, limits, cancellationToken);
        using var stream = new MemoryStream(bytes, writable: false);
        var document = await new HtmlParser().ParseDocumentAsync(stream, cancellationToken).ConfigureAwait(false);
        var walker = new Walker(path, limits, cancellationToken);
        if (document.Body is { } body)
        {
            walker.Walk(body);
        }

        walker.Flush();
        return new ExtractedText(path, "html", walker.Paragraphs, 1);
    }

    /// <summary>
    /// Reads the parsed page with a stack of its own rather than by recursion, checking nesting and
    /// paragraph length exactly (the check before parsing only approximates how browsers nest).
    /// </summary>
    private sealed class Walker(string path, IngestionOptions limits, CancellationToken cancellationToken)
    {
        private readonly StringBuilder line = new();

        private readonly HashSet<IElement> numberedLists = [];
        private readonly Dictionary<IElement, int> itemPositions = [];

        public List<ExtractedParagraph> Paragraphs { get; } = [];

        /// <summary>A node to read, or (with <see cref="Node"/> null) the end of a block, where its paragraph ends.</summary>
        private readonly record struct Visit(INode? Node, bool InPre, int Depth);

        public void Walk(IElement body)
        {
            var pending = new Stack<Visit>();
            pending.Push(new Visit(body, InPre: false, Depth: 0));
            var visited = 0;
            while (pending.TryPop(out var visit))
            {
                if ((++visited & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                switch (visit.Node)
                {
                    case null:
                        this.Flush();
                        break;
                    case IText text when visit.InPre:
                        // Preformatted text keeps its own line breaks.
                        var parts = text.Data.Split('\n');
                        for (var i = 0; i < parts.Length; i++)
                        {
                            if (i > 0)
                            {
                                this.Flush();
                            }

                            this.Append(parts[i]);
                        }

                        break;
                    case IText text:
                        this.Append(text.Data);
                        break;
                    case IElement element:
                        this.Enter(element, visit, pending);
                        break;
                }
            }
        }

        public void Flush()
        {
            ExtractedTextCleaner.AddParagraph(this.Paragraphs, this.line.ToString(), 1);
            this.line.Clear();
        }

        private void Enter(IElement element, Visit visit, Stack<Visit> pending)
        {
            if (visit.Depth > limits.MaxNestingDepth)
            {
                throw LimitRefusal.Depth(path, limits.MaxNestingDepth);
            }

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

            if (Blocks.Contains(name))
            {
                this.Flush();
                pending.Push(new Visit(null, visit.InPre, visit.Depth));
            }

            if (name == "li")
            {
                this.Append(this.ListMarker(element));
            }

            var inPre = visit.InPre || name == "pre";
            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
            {
                pending.Push(new Visit(child, inPre, visit.Depth + 1));
            }
        }

        private void Append(string text)
        {
            this.line.Append(text);
            if (this.line.Length > limits.MaxParagraphChars)
            {
                throw LimitRefusal.Paragraph(path, limits.MaxParagraphChars);
            }
        }

        /// <summary>"- " for a bulleted item, "3. " for the third item of a numbered list; nothing when the text carries its own marker.</summary>
        private string ListMarker(IElement item)
        {
            if (StartsWithMarker(item))
            {
                return "";
            }

            if (item.ParentElement is not { LocalName: "ol" } list)
            {
                return "- ";
            }

            var position = this.PositionInList(list, item);

            // type="a" lists are the điểm of a khoản, which Vietnamese documents write "a)".
            return list.GetAttribute("type") switch
            {
                "a" => $"{(char)('a' + ((position - 1) % 26))}) ",
                _ => $"{position.ToString(CultureInfo.InvariantCulture)}. ",
            };
        }

        /// <summary>
        /// The item's number, counting every item of the list (hidden ones too, as a browser numbers them).
        /// A list is numbered once: counting each item's earlier siblings would take time growing with the square of the list.
        /// </summary>
        private int PositionInList(IElement list, IElement item)
        {
            if (!this.numberedLists.Contains(list))
            {
                this.numberedLists.Add(list);
                var position = int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
                foreach (var child in list.Children.Where(c => c.LocalName == "li"))
                {
                    this.itemPositions[child] = position++;
                }
            }

            return this.itemPositions[item];
        }

        private static bool StartsWithMarker(IElement item) => StructuralMarker.StartsWithMarker(ExtractedTextCleaner.Clean(LeadingText(item)));

        /// <summary>
        /// The start of an element's text, enough to see a marker ("Điều 12.", "a)"): reading the whole
        /// text of every item would read nested lists again at each level.
        /// </summary>
        private static string LeadingText(IElement item)
        {
            const int Enough = 40;
            var text = new StringBuilder();
            var letters = 0;
            var pending = new Stack<INode>();
            pending.Push(item);
            while (letters < Enough && pending.TryPop(out var node))
            {
                if (node is IText t)
                {
                    text.Append(t.Data);
                    letters += t.Data.Count(c => !char.IsWhiteSpace(c));
                    continue;
                }

                for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                {
                    pending.Push(child);
                }
            }

            return text.ToString();
        }
    }
}
