using PartyAssistant.Text;

namespace PartyAssistant.Questions;

/// <summary>A phrase of a question that the synonym list knows, and every way of saying it.</summary>
public sealed record SynonymSpan(int Index, int Count, IReadOnlyList<IReadOnlyList<TextToken>> Alternatives)
{
    public int End => this.Index + this.Count;
}

/// <summary>
/// The domain synonyms of <c>Text/Words/synonyms.txt</c> (Solr format: phrases that mean the same,
/// separated by commas), for judging whether a passage states what a question asks. Search reads
/// the same file into Lucene's synonym filter.
/// </summary>
public static class SynonymTable
{
    private static readonly Lazy<(List<List<IReadOnlyList<TextToken>>> Groups, PhraseSet<IReadOnlyList<IReadOnlyList<TextToken>>> Phrases)> Table = new(Load);

    /// <summary>The groups as written: each a list of equivalent phrases.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Groups =>
        Table.Value.Groups.Select(g => (IReadOnlyList<string>)g.Select(p => string.Join(' ', p.Select(t => t.Text))).ToList()).ToList();

    /// <summary>The known phrases in the tokens, the longest at each place (they may overlap), each with all its equivalents.</summary>
    public static IReadOnlyList<SynonymSpan> In(IReadOnlyList<TextToken> tokens) =>
        Table.Value.Phrases.FindEvery(tokens).Select(m => new SynonymSpan(m.Index, m.Count, m.Value)).ToList();

    /// <summary>Parses the Solr synonym format: "a, b, c" lines; "a => b" is read as a group too; "#" comments.</summary>
    internal static List<List<IReadOnlyList<TextToken>>> Parse(string text)
    {
        var groups = new List<List<IReadOnlyList<TextToken>>>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var group = line.Replace("=>", ",", StringComparison.Ordinal).Split(',')
                .Select(p => TextTokens.Of(p))
                .Where(p => p.Count > 0)
                .ToList();
            if (group.Count < 2)
            {
                throw new FormatException($"{WordLists.Synonyms}: dòng \"{line}\" cần ít nhất hai cách nói, cách nhau bằng dấu phẩy.");
            }

            groups.Add(group);
        }

        return groups;
    }

    // A phrase in two groups ("hỗ trợ") has the equivalents of both.
    private static (List<List<IReadOnlyList<TextToken>>>, PhraseSet<IReadOnlyList<IReadOnlyList<TextToken>>>) Load()
    {
        var groups = Parse(WordLists.Text(WordLists.Synonyms));
        var byPhrase = new Dictionary<string, List<IReadOnlyList<TextToken>>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var phrase in group)
            {
                var key = Key(phrase);
                if (!byPhrase.TryGetValue(key, out var all))
                {
                    byPhrase[key] = all = [];
                }

                all.AddRange(group.Where(p => all.All(a => Key(a) != Key(p))));
            }
        }

        var phrases = new PhraseSet<IReadOnlyList<IReadOnlyList<TextToken>>>(
            byPhrase.Select(p => (p.Key, (IReadOnlyList<IReadOnlyList<TextToken>>)p.Value)));
        return (groups, phrases);
    }

    private static string Key(IReadOnlyList<TextToken> phrase) => string.Join(' ', phrase.Select(t => t.Accented));
}
