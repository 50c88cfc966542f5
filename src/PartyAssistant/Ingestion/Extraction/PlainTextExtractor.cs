using System.Text;
using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Reads .txt and .md files. One line is one paragraph, unless the file separates paragraphs with
/// blank lines and hard-wraps them (most blocks span several lines): then a block is a paragraph,
/// still split where a line starts with a structural marker. Markdown heading and bold marks go.
/// </summary>
public sealed partial class PlainTextExtractor(IngestionOptions limits) : IDocumentTextExtractor
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public PlainTextExtractor()
        : this(new IngestionOptions())
    {
    }

    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".md"];

    public async Task<ExtractedText> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await IngestFile.ReadAllBytesAsync(path, limits.MaxUnpackedBytes, cancellationToken).ConfigureAwait(false);
        var text = Decode(path, bytes);
        var markdown = string.Equals(Path.GetExtension(path), ".md", StringComparison.OrdinalIgnoreCase);
        var lines = NewLinePattern().Split(text).Select(l => markdown ? StripMarkdown(l) : l).ToList();
        var paragraphs = new List<ExtractedParagraph>();
        foreach (var paragraph in ToParagraphs(lines))
        {
            ExtractedTextCleaner.AddParagraph(paragraphs, paragraph, 1);
        }

        return new ExtractedText(path, markdown ? "md" : "txt", paragraphs, 1);
    }

    private static string Decode(string path, byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(span[2..]);
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(span[2..]);
        }

        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException ex)
        {
            // Older Vietnamese files are often in TCVN3 (ABC), VNI or Windows-1258; guessing among them is
            // unreliable, so ask for a re-save rather than ingest mojibake.
            throw new IngestException(path,
                "tệp không phải UTF-8 (có thể là mã TCVN3, VNI hoặc Windows-1258); hãy lưu lại với bảng mã UTF-8 (Unicode) rồi nạp lại.", ex);
        }
    }

    private static IEnumerable<string> ToParagraphs(List<string> lines)
    {
        var blocks = new List<List<string>>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (current.Count > 0)
                {
                    blocks.Add(current);
                    current = [];
                }
            }
            else
            {
                current.Add(line.Trim());
            }
        }

        if (current.Count > 0)
        {
            blocks.Add(current);
        }

        var wrapped = blocks.Count >= 2 && blocks.Count(b => b.Count > 1) * 2 > blocks.Count;
        if (!wrapped)
        {
            return blocks.SelectMany(b => b);
        }

        return blocks.SelectMany(JoinBlock);
    }

    /// <summary>
    /// Whether a line is the wrapped rest of the one before: blocks of one-line paragraphs (a header,
    /// a title, "Điều 3. …" and its text) must stay apart, so only a line that starts in lower case,
    /// or follows a full-width line that did not end a sentence, is joined.
    /// </summary>
    private static bool ContinuesParagraph(string previous, string line)
    {
        if (StructuralMarker.StartsWithMarker(line) || VietnameseText.IsAllCaps(previous) || VietnameseText.IsAllCaps(line))
        {
            return false;
        }

        if (SentenceSplitter.EndsWithStop(previous))
        {
            return false;
        }

        return char.IsLower(line[0]) || previous.Length >= 60;
    }

    private static IEnumerable<string> JoinBlock(List<string> block)
    {
        var paragraph = new StringBuilder();
        string? previous = null;
        foreach (var line in block)
        {
            if (previous is not null && !ContinuesParagraph(previous, line))
            {
                yield return paragraph.ToString();
                paragraph.Clear();
            }

            paragraph.Append(paragraph.Length > 0 ? " " : "").Append(line);
            previous = line;
        }

        yield return paragraph.ToString();
    }

    private static string StripMarkdown(string line)
    {
        var text = HeadingPattern().Replace(line, "");
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal);
        // Markdown bullets "* item" read as the dash bullets of Vietnamese documents.
        return BulletPattern().Replace(text, "- ");
    }

    [GeneratedRegex(@"\r\n|\n|\r")]
    private static partial Regex NewLinePattern();

    [GeneratedRegex(@"^\s{0,3}#{1,6}(?:\s+|$)")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^\s{0,3}\*\s+")]
    private static partial Regex BulletPattern();
}
