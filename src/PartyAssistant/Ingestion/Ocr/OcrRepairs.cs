using System.Text;
using PartyAssistant.Text;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Puts right what Tesseract's Vietnamese model predictably gets wrong in Party documents, from the
/// word lists ocr-corrections.tsv (phrases never written, and what was printed) and header-words.txt
/// (the words of an issuing body's name, whose marks bold capitals lose). Used on scanned text only.
/// </summary>
internal static class OcrRepairs
{
    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>(StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyList<Phrase>> Corrections = new(() =>
        WordLists.Rows(WordLists.OcrCorrections)
            .Select(r => new Phrase(Accented(r[0]), r[1], r.Length > 2 ? r[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).SelectMany(Accented).ToHashSet(StringComparer.Ordinal) : Nothing))
            .ToList());

    // Longest first, so "THỊ XÃ" wins over "XÃ".
    private static readonly Lazy<IReadOnlyList<Phrase>> HeaderPhrases = new(() =>
        WordLists.Rows(WordLists.HeaderWords).Select(r => new Phrase(Folded(r[0]), r[0], Nothing)).OrderByDescending(p => p.Words.Length).ToList());

    /// <summary>The text with every listed misreading replaced by what was printed, whole words only.</summary>
    public static string Correct(string text) =>
        Replace(text, Corrections.Value, t => t.Accented, (found, right) =>
            VietnameseText.IsAllCaps(found) && found.Count(char.IsLetter) > 1 ? right.ToUpperInvariant()
            : char.IsUpper(found[0]) ? char.ToUpperInvariant(right[0]) + right[1..] : right);

    /// <summary>
    /// A header line in capitals with the marks of its body's name restored: the listed words, and the
    /// place, which the date line ("An Phú, ngày …") prints in ordinary letters that OCR reads well.
    /// </summary>
    public static string RestoreHeaderMarks(string line, string? place)
    {
        var phrases = HeaderPhrases.Value.ToList();
        if (place is not null && Folded(place) is { Length: > 0 } placeWords)
        {
            phrases.Insert(0, new Phrase(placeWords, place.ToUpperInvariant(), Nothing));
        }

        return Replace(line, phrases, t => t.Folded, (_, right) => right);
    }

    private static string Replace(string text, IReadOnlyList<Phrase> phrases, Func<TextToken, string> key, Func<string, string, string> shape)
    {
        var tokens = TextTokens.Of(text);
        var sb = new StringBuilder();
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var (words, right, unlessBefore) in phrases)
            {
                if (i + words.Length > tokens.Count || !words.Select((w, k) => key(tokens[i + k]) == w).All(same => same)
                    || (i + words.Length < tokens.Count && unlessBefore.Contains(tokens[i + words.Length].Accented)))
                {
                    continue;
                }

                var start = tokens[i].Start;
                var end = tokens[i + words.Length - 1].End;
                sb.Append(text, copied, start - copied).Append(shape(text[start..end], right));
                copied = end;
                i += words.Length - 1;
                break;
            }
        }

        return sb.Append(text, copied, text.Length - copied).ToString();
    }

    /// <param name="UnlessBefore">Words after which the phrase is left as it is.</param>
    private sealed record Phrase(string[] Words, string Right, IReadOnlySet<string> UnlessBefore);

    private static string[] Accented(string phrase) => TextTokens.Of(phrase).Select(t => t.Accented).ToArray();

    private static string[] Folded(string phrase) => TextTokens.Of(phrase).Select(t => t.Folded).ToArray();
}
