using System.Text;
using System.Text.RegularExpressions;

namespace PartyAssistant.Corpus;

/// <summary>
/// Turns a body into blocks: paragraphs split at blank lines, list items split at their markers,
/// Markdown emphasis removed, and each block classified by how it starts.
/// </summary>
internal static partial class BodyBlockReader
{
    /// <summary>The marker of a paragraph written with a leading backslash: it stands alone, as written.</summary>
    public const string EscapedMarker = "\\";

    public static List<BodyBlock> Read(string[] lines, int start)
    {
        var blocks = new List<BodyBlock>();
        var current = new StringBuilder();
        var currentLine = 0;

        void Flush()
        {
            if (current.Length > 0)
            {
                blocks.Add(Classify(current.ToString(), currentLine));
                current.Clear();
            }
        }

        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            // A list marker or heading starts a new block even without a blank line before it.
            if (current.Length > 0 && (BulletPattern().IsMatch(line) || line.StartsWith('#')))
            {
                Flush();
            }

            if (current.Length == 0)
            {
                currentLine = i + 1;
            }
            else
            {
                current.Append(' ');
            }

            current.Append(line);
            if (line.StartsWith('#'))
            {
                Flush();
            }
        }

        Flush();
        return blocks;
    }

    /// <summary>
    /// Whether a paragraph written on its own would be read as something other than a plain
    /// paragraph (a heading, bullet, item, point, part, recipients or signature). Writers of corpus
    /// files escape such paragraphs with a leading backslash; asking the reader keeps the two in step.
    /// </summary>
    public static bool WouldReadAsStructure(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('\\') || trimmed.StartsWith('#') || Classify(trimmed, 0).Kind != BlockKind.Paragraph;
    }

    private static BodyBlock Classify(string raw, int line)
    {
        if (HeadingPattern().Match(raw) is { Success: true } heading)
        {
            var title = StripEmphasis(heading.Groups["title"].Value.Trim());
            var explicitId = heading.Groups["id"].Success ? heading.Groups["id"].Value : null;
            return new BodyBlock(BlockKind.Heading, title, line, heading.Groups["level"].Value, explicitId);
        }

        // A leading backslash says "this is a plain paragraph", whatever it starts with.
        if (raw.StartsWith('\\'))
        {
            return new BodyBlock(BlockKind.Paragraph, StripEmphasis(raw[1..].TrimStart()), line, Marker: EscapedMarker);
        }

        var text = StripEmphasis(raw);
        if (BulletPattern().Match(text) is { Success: true } bullet)
        {
            return new BodyBlock(BlockKind.Bullet, text[bullet.Length..].Trim(), line);
        }

        if (PartPattern().Match(text) is { Success: true } part)
        {
            return new BodyBlock(BlockKind.Part, part.Groups["title"].Value.Trim(), line, part.Groups["roman"].Value);
        }

        if (ItemPattern().Match(text) is { Success: true } item)
        {
            return new BodyBlock(BlockKind.NumberedItem, item.Groups["title"].Value.Trim(), line, item.Groups["number"].Value);
        }

        if (PointPattern().Match(text) is { Success: true } point)
        {
            return new BodyBlock(BlockKind.Point, text, line, point.Groups["letter"].Value);
        }

        if (RecipientsPattern().IsMatch(text))
        {
            return new BodyBlock(BlockKind.Recipients, text, line);
        }

        if (SignatureLine().IsMatch(text))
        {
            return new BodyBlock(BlockKind.Signature, text, line);
        }

        return new BodyBlock(BlockKind.Paragraph, text, line);
    }

    /// <summary>Removes **bold**, __bold__ and *italic* markers; the words stay as written.</summary>
    public static string StripEmphasis(string text)
    {
        var withoutBold = text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal);
        return ItalicPattern().Replace(withoutBold, "$1");
    }

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<title>.*?)(\s*\{#(?<id>[a-z0-9][a-z0-9.-]*)\})?\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^[-•+*]\s+")]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"^(?<roman>[IVX]{1,5})\s*[-.–]\s*(?<title>\S.*)$")]
    private static partial Regex PartPattern();

    [GeneratedRegex(@"^(?<number>\d{1,3})\.\s+(?<title>\S.*)$")]
    private static partial Regex ItemPattern();

    // Vietnamese lettering of điểm: a, b, c, d, đ, e, g, h, i, k … (no f, j, w, z).
    [GeneratedRegex(@"^(?<letter>[a-eg-ik-vxyđ])\)\s+\S")]
    private static partial Regex PointPattern();

    [GeneratedRegex(@"^Nơi nhận\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex RecipientsPattern();

    // T/M (thay mặt), K/T (ký thay), T/L (thừa lệnh), TUQ (thừa uỷ quyền), Q. (quyền), as printed above a signature.
    // Shared with the ingestion recogniser, so what it takes for a signature is read back as one.
    [GeneratedRegex(@"^(?<marker>T/M|TM\.|TM(?=\s)|K/T|KT\.|KT(?=\s)|T/L|TL\.|TL(?=\s)|Q\.|TUQ\.?|THỪA LỆNH|THỪA ỦY QUYỀN|THỪA UỶ QUYỀN)\s*\p{Lu}")]
    internal static partial Regex SignatureLine();

    [GeneratedRegex(@"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])")]
    private static partial Regex ItalicPattern();
}
