using System.Text;

namespace PartyAssistant.Ingestion;

/// <summary>
/// The one place that decides what a paragraph's text looks like after extraction, so every format
/// hands the structure recogniser the same shape: NFC, single spaces, no invisible characters.
/// </summary>
internal static class ExtractedTextCleaner
{
    /// <summary>NFC, every whitespace run (tabs, no-break spaces, line breaks) one space, trimmed; "" when nothing is left.</summary>
    public static string Clean(string text)
    {
        // NFC first: text from PDFs and old Word files often carries combining marks (a + U+0301),
        // which would otherwise never match the precomposed letters users type.
        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                // Soft hyphens and zero-width characters are layout hints, not text.
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Adds <paramref name="text"/> as a paragraph unless it cleans to nothing.</summary>
    public static void AddParagraph(List<ExtractedParagraph> paragraphs, string text, int page)
    {
        var cleaned = Clean(text);
        if (cleaned.Length > 0)
        {
            paragraphs.Add(new ExtractedParagraph(cleaned, page));
        }
    }
}
