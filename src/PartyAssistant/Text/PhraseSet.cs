namespace PartyAssistant.Text;

/// <summary>Where a phrase of a <see cref="PhraseSet{T}"/> occurs: the first token and how many tokens.</summary>
public sealed record PhraseMatch<T>(int Index, int Count, T Value)
{
    public int End => this.Index + this.Count;
}

/// <summary>
/// Phrases from a word list, found in tokenised text syllable by syllable: tone placement and case
/// never matter, and marks matter only where both sides have them ("de" is "để" and "đề"; "để" is
/// not "đề"). "^" before a phrase anchors it at the start of the text, "$" after it at the end.
/// </summary>
public sealed class PhraseSet<T>
{
    private sealed record Entry(IReadOnlyList<TextToken> Tokens, bool AtStart, bool AtEnd, T Value);

    private readonly Dictionary<string, List<Entry>> byFirst = new(StringComparer.Ordinal);

    public PhraseSet(IEnumerable<(string Phrase, T Value)> phrases)
    {
        foreach (var (raw, value) in phrases)
        {
            var phrase = raw.Trim();
            var atStart = phrase.StartsWith('^');
            var atEnd = phrase.EndsWith('$');
            var tokens = TextTokens.Of(phrase.Trim('^', '$'));
            if (tokens.Count == 0)
            {
                continue;
            }

            if (!this.byFirst.TryGetValue(tokens[0].Folded, out var list))
            {
                this.byFirst[tokens[0].Folded] = list = [];
            }

            list.Add(new Entry(tokens, atStart, atEnd, value));
        }

        foreach (var list in this.byFirst.Values)
        {
            // Longest first; of two as long, the anchored one ("^ai" before "ai"), which says more.
            list.Sort((a, b) => b.Tokens.Count != a.Tokens.Count ? b.Tokens.Count.CompareTo(a.Tokens.Count)
                : (b.AtStart || b.AtEnd).CompareTo(a.AtStart || a.AtEnd));
        }
    }

    public int Count => this.byFirst.Values.Sum(l => l.Count);

    /// <summary>
    /// The phrases in the tokens, left to right, each time the longest that fits, never overlapping.
    /// <paramref name="free"/> says which tokens may still take part in a match.
    /// </summary>
    public IReadOnlyList<PhraseMatch<T>> FindAll(IReadOnlyList<TextToken> tokens, Func<int, bool>? free = null)
    {
        var found = new List<PhraseMatch<T>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (this.LongestAt(tokens, i, free) is { } match)
            {
                found.Add(match);
                i = match.End - 1;
            }
        }

        return found;
    }

    /// <summary>At every token, the longest phrase that starts there: matches may overlap ("trên mạng" and "mạng xã hội").</summary>
    public IReadOnlyList<PhraseMatch<T>> FindEvery(IReadOnlyList<TextToken> tokens) =>
        Enumerable.Range(0, tokens.Count).Select(i => this.LongestAt(tokens, i)).OfType<PhraseMatch<T>>().ToList();

    /// <summary>The longest phrase that starts at token <paramref name="index"/>, or null.</summary>
    public PhraseMatch<T>? LongestAt(IReadOnlyList<TextToken> tokens, int index, Func<int, bool>? free = null)
    {
        if (!this.byFirst.TryGetValue(tokens[index].Folded, out var entries))
        {
            return null;
        }

        foreach (var entry in entries)
        {
            var count = entry.Tokens.Count;
            if (index + count > tokens.Count || (entry.AtStart && index != 0) || (entry.AtEnd && index + count != tokens.Count))
            {
                continue;
            }

            var fits = true;
            for (var k = 0; k < count && fits; k++)
            {
                fits = (free is null || free(index + k)) && tokens[index + k].Matches(entry.Tokens[k]);
            }

            if (fits)
            {
                return new PhraseMatch<T>(index, count, entry.Value);
            }
        }

        return null;
    }

    /// <summary>Whether any phrase occurs in the tokens.</summary>
    public bool AnyIn(IReadOnlyList<TextToken> tokens) => this.FindAll(tokens).Count > 0;
}
