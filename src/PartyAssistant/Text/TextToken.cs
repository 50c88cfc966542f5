using System.Text.RegularExpressions;

namespace PartyAssistant.Text;

/// <summary>
/// A syllable (or number) of a text and where it is: <paramref name="Accented"/> in the one
/// spelling search uses (<see cref="Syllable.Standard"/>), <paramref name="Folded"/> without any mark.
/// </summary>
public sealed record TextToken(string Text, string Accented, string Folded, int Start, int Length)
{
    /// <summary>Whether the syllable carries a mark.</summary>
    public bool HasMarks => !string.Equals(this.Accented, this.Folded, StringComparison.Ordinal);

    /// <summary>
    /// Set for text written with diacritics (documents, word lists, most questions): a syllable without
    /// marks there is one without marks ("Minh" is not "mình"). In text typed without them it may be any.
    /// </summary>
    public bool MarksKnown { get; init; }

    /// <summary>Whether it must match with its marks: it has some, or the text it comes from was written with them.</summary>
    public bool Exact => this.MarksKnown || this.HasMarks;

    public int End => this.Start + this.Length;

    /// <summary>Whether this token, as the writer typed it, can be the same syllable as <paramref name="other"/>.</summary>
    public bool Matches(TextToken other) =>
        string.Equals(this.Folded, other.Folded, StringComparison.Ordinal) &&
        (!this.Exact || !other.Exact || string.Equals(this.Accented, other.Accented, StringComparison.Ordinal));
}

/// <summary>Cuts a text into <see cref="TextToken"/>s: runs of letters, marks and digits (and "%"), as the search analyzer does.</summary>
public static partial class TextTokens
{
    /// <param name="marksKnown">The text is written with diacritics, so a syllable without marks has none (see <see cref="TextToken.MarksKnown"/>).</param>
    public static IReadOnlyList<TextToken> Of(string text, bool marksKnown = true)
    {
        var normalized = VietnameseText.Normalize(text);
        var tokens = new List<TextToken>();
        foreach (Match match in Token().Matches(normalized))
        {
            // "05 năm" and "5 năm" are one number.
            var value = match.Value.All(char.IsAsciiDigit) ? match.Value.TrimStart('0') is { Length: > 0 } n ? n : "0" : match.Value;
            var (accented, folded) = Syllable.Forms(value);
            tokens.Add(new TextToken(match.Value, accented, folded, match.Index, match.Length) { MarksKnown = marksKnown });
        }

        return tokens;
    }

    /// <summary>Whether most syllables of the text carry marks: written with diacritics rather than without.</summary>
    public static bool WrittenWithMarks(IReadOnlyList<TextToken> tokens)
    {
        var syllables = tokens.Where(t => t.Text.Any(char.IsLetter)).ToList();
        return syllables.Count > 0 && syllables.Count(t => t.HasMarks) * 2 >= syllables.Count;
    }

    [GeneratedRegex(@"[\p{L}\p{Mn}\p{Nd}%]+")]
    private static partial Regex Token();
}
