namespace PartyAssistant.Text;

/// <summary>
/// A sentence or passage made ready for asking whether it contains a question's words: its syllables
/// with and without marks, alone and in sequence. A word the writer typed with marks must match with
/// them ("mới" is not "mỗi"); one typed without matches any marked spelling.
/// </summary>
public sealed class MatchText
{
    private readonly HashSet<string> accented;
    private readonly HashSet<string> folded;
    private readonly string accentedLine;
    private readonly string foldedLine;

    public MatchText(string text)
    {
        this.Text = text;
        this.Tokens = TextTokens.Of(text);
        this.accented = this.Tokens.Select(t => t.Accented).ToHashSet(StringComparer.Ordinal);
        this.folded = this.Tokens.Select(t => t.Folded).ToHashSet(StringComparer.Ordinal);
        this.accentedLine = $" {string.Join(' ', this.Tokens.Select(t => t.Accented))} ";
        this.foldedLine = $" {string.Join(' ', this.Tokens.Select(t => t.Folded))} ";
    }

    public string Text { get; }

    public IReadOnlyList<TextToken> Tokens { get; }

    /// <summary>Whether the text has the syllable, with its marks if it was typed with them.</summary>
    public bool Has(TextToken token) => token.Exact ? this.accented.Contains(token.Accented) : this.folded.Contains(token.Folded);

    /// <summary>Whether the text has the syllable spelt so (<see cref="Syllable.Standard"/> form).</summary>
    public bool HasSyllable(string accented) => this.accented.Contains(accented);

    /// <summary>Whether the syllables occur in this order, next to each other; without marks when <paramref name="ignoreMarks"/>.</summary>
    public bool HasPhrase(IEnumerable<TextToken> phrase, bool ignoreMarks) => this.HasPhrase(PhraseKey(phrase, ignoreMarks), ignoreMarks);

    /// <summary>Whether the text has the phrase made ready by <see cref="PhraseKey"/>: a question's phrases are keyed once, not once a sentence.</summary>
    public bool HasPhrase(string key, bool ignoreMarks) =>
        key.Length > 2 && (ignoreMarks ? this.foldedLine : this.accentedLine).Contains(key, StringComparison.Ordinal);

    /// <summary>The phrase as <see cref="HasPhrase(string, bool)"/> looks it up: its syllables, with or without marks, between spaces.</summary>
    public static string PhraseKey(IEnumerable<TextToken> phrase, bool ignoreMarks) =>
        ignoreMarks
            ? $" {string.Join(' ', phrase.Select(t => t.Folded))} "
            : $" {string.Join(' ', phrase.Select(t => t.Accented))} ";
}
