using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Questions;

/// <summary>
/// Party abbreviations as people type them in chat (<c>Text/Words/abbreviations.tsv</c>), expanded
/// at query time so "ĐV" finds "đảng viên". A short form that is also a Vietnamese syllable
/// ("tu" = tư/từ/tự) is expanded only when written in capitals.
/// </summary>
public static partial class Abbreviations
{
    private sealed record Entry(string Expansion, bool OnlyInCapitals);

    private static readonly Lazy<Dictionary<string, Entry>> Table = new(() => WordLists.Rows(WordLists.Abbreviations)
        .ToDictionary(
            r => VietnameseText.Fold(r[0]),
            r => r.Length >= 2 ? new Entry(r[1], r.Length > 2 && r[2] == "caps") : throw new FormatException($"{WordLists.Abbreviations}: \"{r[0]}\" thiếu dạng đầy đủ."),
            StringComparer.Ordinal));

    /// <summary>The text with every known abbreviation replaced by its full form.</summary>
    public static string Expand(string text)
    {

        // "đ/c" is written with a slash (and "đc" is "được"); "TW4" runs the short form into a number.
        text = SlashedPair().Replace(text, m => Table.Value.TryGetValue(VietnameseText.Fold(m.Value), out var slashed) ? slashed.Expansion : m.Value);
        var result = Token().Replace(text, match =>
        {
            var word = match.Value;
            if (IsInsideDocumentNumber(text, match.Index, match.Length))
            {
                return word; // "213-QĐ/TW" stays as printed: the passages carry those very tokens
            }

            if (!Table.Value.TryGetValue(VietnameseText.Fold(word), out var entry))
            {
                return word;
            }

            var inCapitals = word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
            if (entry.OnlyInCapitals && !inCapitals)
            {
                return word;
            }

            var next = match.Index + match.Length;
            return next < text.Length && char.IsDigit(text[next]) ? entry.Expansion + " " : entry.Expansion;
        });
        return result;
    }

    /// <summary>True when the word is an abbreviation this table knows (so its Đ says nothing about the writer's diacritics).</summary>
    public static bool IsAbbreviation(string word) => Table.Value.ContainsKey(VietnameseText.Fold(word));

    private static bool IsInsideDocumentNumber(string text, int index, int length) =>
        (index > 0 && text[index - 1] is '-' or '/') || (index + length < text.Length && text[index + length] == '/');

    [GeneratedRegex(@"[\p{L}\p{Mn}]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"(?<![\p{L}\d])(\p{L})/(\p{L})(?![\p{L}\d])")]
    private static partial Regex SlashedPair();
}
