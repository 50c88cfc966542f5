using System.Text;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Looks over a web page as a stream of characters before the HTML parser builds it. The parser's
/// work grows with the square of the nesting (200,000 nested &lt;div&gt; take minutes) and it holds a
/// whole text run in memory (a 50 MB paragraph costs gigabytes), so both are judged here first, in
/// one pass with a constant amount of memory.
/// </summary>
/// <remarks>
/// Nesting is counted with a small model of how browsers build the tree: void elements, end tags that
/// close what is open inside them, and the start tags that close an open &lt;p&gt;, &lt;li&gt;, &lt;td&gt;…
/// It does not replay every repair a browser makes to broken markup; the walk over the parsed page
/// checks the same limits exactly. Text is counted between tags, so a run is never longer than the
/// paragraph it belongs to: a page refused here has a paragraph over the limit.
/// </remarks>
internal sealed class HtmlShapeCheck
{
    private const int ChunkBytes = 64 * 1024;

    private static readonly HashSet<string> Void =
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "basefont", "bgsound", "frame",
    ];

    // Their content is text up to their own end tag, whatever it looks like.
    private static readonly HashSet<string> Raw = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

    // Outside these, a start tag looks no further for an element it closes.
    private static readonly HashSet<string> Scope = ["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"];

    private static readonly HashSet<string> ButtonScope = [.. Scope, "button"];

    private static readonly HashSet<string> ListScope = [.. Scope, "ol", "ul"];

    private static readonly HashSet<string> DefinitionScope = [.. Scope, "dl"];

    private static readonly HashSet<string> RowScope = ["html", "table", "template"];

    private static readonly HashSet<string> CellScope = ["html", "table", "template", "tr"];

    private static readonly HashSet<string> ClosesParagraph =
    [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "listing", "search", "section", "summary", "table",
        "ul", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "plaintext", "xmp",
    ];

    private static readonly HashSet<string> Headings = ["h1", "h2", "h3", "h4", "h5", "h6"];

    private readonly string path;
    private readonly IngestionOptions limits;
    private readonly List<string> open = [];
    private readonly StringBuilder name = new();
    private State state = State.Text;
    private bool isEndTag;
    private bool selfClosing;
    private char quote;
    private int foreign;
    private int dashes;
    private string rawEnd = string.Empty;
    private int rawMatched;
    private long run;
    private bool lastWasSpace;

    private HtmlShapeCheck(string path, IngestionOptions limits)
    {
        this.path = path;
        this.limits = limits;
    }

    private enum State
    {
        Text,
        Entity,
        TagOpen,
        EndTagOpen,
        TagName,
        Attributes,
        QuotedValue,
        Declaration,
        Comment,
        Bogus,
        RawText,
    }

    /// <exception cref="IngestException">The page nests deeper than Ingestion:MaxNestingDepth or has a paragraph longer than Ingestion:MaxParagraphChars.</exception>
    public static void Check(string path, ReadOnlySpan<byte> bytes, IngestionOptions limits, CancellationToken cancellationToken)
    {
        var (encoding, preamble) = Detect(bytes);
        var decoder = encoding.GetDecoder();
        var chars = new char[encoding.GetMaxCharCount(ChunkBytes + 8)];
        var check = new HtmlShapeCheck(path, limits);
        for (var offset = preamble; offset < bytes.Length; offset += ChunkBytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = bytes.Slice(offset, Math.Min(ChunkBytes, bytes.Length - offset));
            var count = decoder.GetChars(chunk, chars, flush: offset + chunk.Length >= bytes.Length);
            foreach (var c in chars.AsSpan(0, count))
            {
                check.Step(c);
            }
        }
    }

    /// <summary>
    /// UTF-16 by its byte order mark, otherwise UTF-8: markup is ASCII in every encoding a Vietnamese page
    /// uses, and a legacy byte that is not UTF-8 still decodes to one character, so counts stay right.
    /// </summary>
    private static (Encoding Encoding, int Preamble) Detect(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? (Encoding.Unicode, 2)
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? (Encoding.BigEndianUnicode, 2)
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? (Encoding.UTF8, 3)
        : (Encoding.UTF8, 0);

    private void Step(char c)
    {
        switch (this.state)
        {
            case State.Text:
                if (c == '<')
                {
                    this.state = State.TagOpen;
                }
                else
                {
                    // A character reference ("&nbsp;", "&#7843;") is one character of the paragraph.
                    this.CountText(char.IsWhiteSpace(c));
                    this.state = c == '&' ? State.Entity : State.Text;
                }

                break;
            case State.Entity:
                if (!char.IsAsciiLetterOrDigit(c) && c != '#')
                {
                    this.state = State.Text;
                    if (c != ';')
                    {
                        this.Step(c);
                    }
                }

                break;
            case State.TagOpen:
                if (char.IsAsciiLetter(c))
                {
                    this.BeginTag(c, isEnd: false);
                }
                else if (c == '/')
                {
                    this.state = State.EndTagOpen;
                }
                else if (c == '!')
                {
                    this.state = State.Declaration;
                    this.dashes = 0;
                }
                else if (c == '?')
                {
                    this.state = State.Bogus;
                }
                else
                {
                    // "a < b": the bracket was text.
                    this.CountText(isSpace: false);
                    this.state = State.Text;
                    this.Step(c);
                }

                break;
            case State.EndTagOpen:
                if (char.IsAsciiLetter(c))
                {
                    this.BeginTag(c, isEnd: true);
                }
                else
                {
                    this.state = c == '>' ? State.Text : State.Bogus;
                }

                break;
            case State.TagName:
                if (c == '>')
                {
                    this.EndTag();
                }
                else if (char.IsWhiteSpace(c) || c == '/')
                {
                    this.state = State.Attributes;
                    this.selfClosing = c == '/';
                }
                else if (this.name.Length < 16)
                {
                    this.name.Append(char.ToLowerInvariant(c));
                }

                break;
            case State.Attributes:
                if (c == '>')
                {
                    this.EndTag();
                }
                else if (c is '"' or '\'')
                {
                    this.quote = c;
                    this.state = State.QuotedValue;
                    this.selfClosing = false;
                }
                else if (!char.IsWhiteSpace(c))
                {
                    this.selfClosing = c == '/';
                }

                break;
            case State.QuotedValue:
                if (c == this.quote)
                {
                    this.state = State.Attributes;
                }

                break;
            case State.Declaration:
                // "<!--" opens a comment; anything else ("<!DOCTYPE …>") runs to the next ">".
                if (c == '-' && ++this.dashes == 2)
                {
                    this.state = State.Comment;
                    this.dashes = 0;
                }
                else if (c != '-')
                {
                    this.state = State.Bogus;
                    this.Step(c);
                }

                break;
            case State.Comment:
                if (c == '>' && this.dashes >= 2)
                {
                    this.EndMarkup();
                }
                else
                {
                    this.dashes = c == '-' ? this.dashes + 1 : 0;
                }

                break;
            case State.Bogus:
                if (c == '>')
                {
                    this.EndMarkup();
                }

                break;
            case State.RawText:
                this.StepRaw(c);
                break;
        }
    }

    private void StepRaw(char c)
    {
        if (char.ToLowerInvariant(c) == this.rawEnd[this.rawMatched])
        {
            this.rawMatched++;
            if (this.rawMatched == this.rawEnd.Length)
            {
                // "</script" seen: the rest of the end tag is read as any tag's.
                this.name.Clear().Append(this.rawEnd, 2, this.rawEnd.Length - 2);
                this.isEndTag = true;
                this.state = State.Attributes;
            }
        }
        else
        {
            this.rawMatched = c == '<' ? 1 : 0;
        }
    }

    private void BeginTag(char first, bool isEnd)
    {
        this.name.Clear().Append(char.ToLowerInvariant(first));
        this.isEndTag = isEnd;
        this.selfClosing = false;
        this.state = State.TagName;
    }

    private void EndMarkup()
    {
        this.state = State.Text;
        this.run = 0;
    }

    private void EndTag()
    {
        this.EndMarkup();
        var tag = this.name.ToString();
        if (this.isEndTag)
        {
            this.Close(tag);
        }
        else
        {
            this.Open(tag);
        }
    }

    private void Open(string tag)
    {
        if (tag is "html" or "head" or "body" || Void.Contains(tag) || (this.foreign > 0 && this.selfClosing))
        {
            return;
        }

        this.CloseImplied(tag);
        this.open.Add(tag);
        if (tag is "svg" or "math")
        {
            this.foreign++;
        }

        if (this.open.Count > this.limits.MaxNestingDepth)
        {
            throw LimitRefusal.Depth(this.path, this.limits.MaxNestingDepth);
        }

        if (Raw.Contains(tag))
        {
            this.state = State.RawText;
            this.rawEnd = "</" + tag;
            this.rawMatched = 0;
        }
    }

    /// <summary>What a start tag closes before it opens, as browsers do: a new &lt;p&gt; or &lt;div&gt; ends an open &lt;p&gt;, a new &lt;li&gt; the open &lt;li&gt; …</summary>
    private void CloseImplied(string tag)
    {
        if (ClosesParagraph.Contains(tag))
        {
            this.CloseNearest(t => t == "p", ButtonScope);
        }

        switch (tag)
        {
            case "li":
                this.CloseNearest(t => t == "li", ListScope);
                break;
            case "dt" or "dd":
                this.CloseNearest(t => t is "dt" or "dd", DefinitionScope);
                break;
            case "tr":
                this.CloseNearest(t => t == "tr", RowScope);
                break;
            case "td" or "th":
                this.CloseNearest(t => t is "td" or "th", CellScope);
                break;
            case "thead" or "tbody" or "tfoot":
                this.CloseNearest(t => t is "thead" or "tbody" or "tfoot", RowScope);
                break;
            case "option" or "optgroup":
                this.CloseNearest(t => t == "option", RowScope);
                break;
            case "a" or "nobr" or "button":
                this.CloseNearest(t => t == tag, Scope);
                break;
            case var _ when Headings.Contains(tag) && this.open.Count > 0 && Headings.Contains(this.open[^1]):
                this.PopFrom(this.open.Count - 1);
                break;
        }
    }

    private void CloseNearest(Func<string, bool> closes, HashSet<string> stops)
    {
        for (var i = this.open.Count - 1; i >= 0; i--)
        {
            if (closes(this.open[i]))
            {
                this.PopFrom(i);
                return;
            }

            if (stops.Contains(this.open[i]))
            {
                return;
            }
        }
    }

    /// <summary>An end tag closes its element and everything still open inside it; a stray one closes nothing.</summary>
    private void Close(string tag)
    {
        var at = this.open.LastIndexOf(tag);
        if (at >= 0)
        {
            this.PopFrom(at);
        }
    }

    private void PopFrom(int index)
    {
        for (var i = index; i < this.open.Count; i++)
        {
            if (this.open[i] is "svg" or "math")
            {
                this.foreign--;
            }
        }

        this.open.RemoveRange(index, this.open.Count - index);
    }

    private void CountText(bool isSpace)
    {
        // Runs of white space read as one space, as the extractor cleans them.
        if (isSpace && this.lastWasSpace)
        {
            return;
        }

        this.lastWasSpace = isSpace;
        if (++this.run > this.limits.MaxParagraphChars)
        {
            throw LimitRefusal.Paragraph(this.path, this.limits.MaxParagraphChars);
        }
    }
}
