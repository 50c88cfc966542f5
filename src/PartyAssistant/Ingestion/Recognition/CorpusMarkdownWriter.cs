using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PartyAssistant.Corpus;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Writes a corpus file (docs/CORPUS-FORMAT.md) that <see cref="CorpusFileParser"/> reads back: YAML front
/// matter with only the fields that have a value, then one paragraph per block with a blank line between.
/// </summary>
/// <remarks>
/// Headings: Phần, Chương, Mục and Điều become Markdown headings whose level is 2 plus the number of
/// containers open above them (Phần &gt; Chương &gt; Mục &gt; Điều). A plain paragraph that would be read as
/// structure ("- …", "1. …", "a) …", "II. …", "Nơi nhận", "T/M …", "#") is written with a leading backslash.
/// </remarks>
public static partial class CorpusMarkdownWriter
{
    private static readonly string[] Ordinals = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"];

    public static string Write(DocumentMetadata metadata, IReadOnlyList<StructuredBlock> body)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(body);
        var sb = new StringBuilder();
        WriteFrontMatter(sb, metadata);
        var paragraphs = Body(body);
        foreach (var paragraph in paragraphs)
        {
            sb.Append('\n').Append(paragraph).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// The document numbers cited in the body, as printed ("213-QĐ/TW", "03-NQ/TU"), each once, in order of
    /// first mention; the document's own number is left out. Mentions without the issuer ("Quy định 213") are
    /// not returned: they do not say which document they mean.
    /// </summary>
    public static IReadOnlyList<string> ReferencedNumbers(IReadOnlyList<StructuredBlock> body, string? ownNumber = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var own = DocumentReference.ParseNumber(ownNumber)?.QueryKey;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new List<string>();
        foreach (var block in body)
        {
            var text = VietnameseText.Normalize(block.Text);
            if (DocumentReference.FindAll(text).Count == 0)
            {
                continue;
            }

            foreach (Match match in PrintedNumber().Matches(text))
            {
                var printed = Spaces().Replace(match.Value, string.Empty).Replace('–', '-').ToUpperInvariant();
                var key = DocumentReference.ParseNumber(printed)?.QueryKey;
                if (key is not null && key != own && seen.Add(key))
                {
                    numbers.Add(printed);
                }
            }
        }

        return numbers;
    }

    // ---- front matter ------------------------------------------------------------------------

    private static void WriteFrontMatter(StringBuilder sb, DocumentMetadata m)
    {
        sb.Append("---\n");
        Field(sb, "id", m.Id);
        Field(sb, "type", m.Type);
        Field(sb, "number", m.Number);
        Field(sb, "date", m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field(sb, "issuer", m.Issuer);
        Field(sb, "signer", m.Signer);
        Field(sb, "title", m.Title);
        Field(sb, "short_title", m.ShortTitle);
        Field(sb, "kind", m.Kind == DocumentKind.Summary ? "summary" : "official-text");
        sb.Append("status:\n");
        Field(sb, "state", m.Status.State, "  ");
        Field(sb, "replaced_by", m.Status.ReplacedBy, "  ");
        Field(sb, "as_of", m.Status.AsOf, "  ");
        Field(sb, "note", m.Status.Note, "  ");
        List(sb, "references", m.References);
        List(sb, "replaces", m.Replaces);
        Field(sb, "summary_of", m.SummaryOf);
        Field(sb, "ingested_from", m.IngestedFrom);
        if (m.Ocr)
        {
            sb.Append("ocr: true\n");
        }
        List(sb, "sources", m.Sources);
        Field(sb, "not_covered", m.NotCovered);
        sb.Append("---\n");
    }

    private static void Field(StringBuilder sb, string key, string? value, string indent = "")
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            sb.Append(indent).Append(key).Append(": ").Append(Scalar(value)).Append('\n');
        }
    }

    private static void List(StringBuilder sb, string key, IReadOnlyList<string> values)
    {
        var present = values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (present.Count == 0)
        {
            return;
        }

        sb.Append(key).Append(":\n");
        foreach (var value in present)
        {
            sb.Append("  - ").Append(Scalar(value)).Append('\n');
        }
    }

    /// <summary>A YAML scalar: plain when that reads back as the same string, otherwise double-quoted.</summary>
    internal static string Scalar(string value)
    {
        var text = VietnameseText.Normalize(value).Trim();
        if (PlainSafe().IsMatch(text) && !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal)
            && !text.EndsWith(':') && !Reserved().IsMatch(text))
        {
            return text;
        }

        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    // ---- body --------------------------------------------------------------------------------

    private static List<string> Body(IReadOnlyList<StructuredBlock> body)
    {
        var paragraphs = new List<string>();
        var open = new List<StructureKind>();   // containers above the next heading, outermost first
        for (var i = 0; i < body.Count; i++)
        {
            var block = body[i];
            var text = Flatten(block.Text);
            var marker = block.Marker is null ? null : Flatten(block.Marker);
            switch (block.Kind)
            {
                case StructureKind.Part or StructureKind.Chapter or StructureKind.Section or StructureKind.Article:
                    open.RemoveAll(k => k >= block.Kind);
                    var level = Math.Min(6, 2 + open.Count);
                    open.Add(block.Kind);
                    paragraphs.Add($"{new string('#', level)} {HeadingText(block.Kind, text, marker)}");
                    break;
                case StructureKind.Clause when marker is not null:
                    paragraphs.Add($"{marker}. {text}");
                    break;
                case StructureKind.Point when marker is not null:
                    paragraphs.Add($"{marker}) {text}");
                    break;
                case StructureKind.RomanPart when marker is not null:
                    open.Clear();
                    paragraphs.Add($"{marker}- {text}");
                    break;
                case StructureKind.Bullet:
                    paragraphs.Add($"{(marker == "+" ? "+" : "-")} {text}");
                    break;
                case StructureKind.Recipients:
                    var recipients = new StringBuilder("Nơi nhận:");
                    for (; i < body.Count && body[i].Kind == StructureKind.Recipients; i++)
                    {
                        var recipient = BulletMarker().Replace(Flatten(body[i].Text), string.Empty);
                        if (recipient.Length > 0)
                        {
                            recipients.Append("\n- ").Append(recipient);
                        }
                    }

                    i--;
                    paragraphs.Add(recipients.ToString());
                    break;
                case StructureKind.Signature:
                    var lines = block.Text.Split('\n').Select(Flatten).Where(l => l.Length > 0);
                    paragraphs.Add(string.Join('\n', lines));
                    break;
                default:
                    paragraphs.Add(Escape(text));
                    break;
            }
        }

        return paragraphs.Where(p => p.Length > 0).ToList();
    }

    private static string HeadingText(StructureKind kind, string text, string? marker)
    {
        if (marker is null)
        {
            return text;
        }

        var word = kind switch
        {
            StructureKind.Part => "Phần",
            StructureKind.Chapter => "Chương",
            StructureKind.Section => "Mục",
            _ => "Điều",
        };
        var title = text.TrimEnd('.').Trim();
        var heading = title.Length > 0 ? $"{word} {marker}. {title}" : $"{word} {marker}.";

        // "Phần thứ nhất" has no number the reader can turn into an id: give it one.
        var ordinal = Array.IndexOf(Ordinals, marker.Replace("thứ", string.Empty, StringComparison.OrdinalIgnoreCase).Trim().ToLowerInvariant());
        return kind == StructureKind.Part && ordinal >= 0 ? $"{heading} {{#phan-{ordinal + 1}}}" : heading;
    }

    /// <summary>A plain paragraph that would be read as structure gets a leading backslash.</summary>
    internal static string Escape(string text) => BodyBlockReader.WouldReadAsStructure(text) ? "\\" + text : text;

    private static string Flatten(string text) => Spaces().Replace(VietnameseText.Normalize(text).Replace('\r', ' ').Replace('\n', ' '), " ").Trim();

    [GeneratedRegex(@"^[-•+*–]\s+")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // First character may not start a YAML indicator; no control characters anywhere.
    [GeneratedRegex(@"^[^\s\-?:,\[\]{}#&*!|>'""%@`\\][^\x00-\x1F\x7F\u2028\u2029\uFEFF]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^(?:null|~|true|false|yes|no|on|off|y|n|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|[-+]?\.(?:inf|nan))$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();

    [GeneratedRegex(@"(?<![\p{L}\d])\d{1,4}\s*[-–]\s*(?:QĐ|KL|NQ|HD|HĐ|CT)\s*/\s*[A-ZĐ]{2,8}(?![\p{L}\d])", RegexOptions.IgnoreCase)]
    private static partial Regex PrintedNumber();
}
