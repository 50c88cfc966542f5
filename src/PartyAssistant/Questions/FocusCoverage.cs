using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Questions;

/// <summary>
/// How much of a question's focus a text states: the share of the focus's weight — its syllables
/// and the syllable pairs inside each run, each weighted by how rare it is in the corpus — that the
/// text contains, directly or through a synonym of the phrase it belongs to. A word the corpus never
/// uses weighs most, so a question about something else scores low however common its other words are.
/// The weights are worked out once a question (<see cref="For"/>); each text is then only looked up.
/// </summary>
public sealed class FocusCoverage
{
    // An optional syllable a text lacks costs half its weight: it may be the joining word it looks like, or not.
    private const double OptionalDiscount = 0.5;

    private readonly QuestionFocus focus;
    private readonly double[][] syllableWeights;
    private readonly double[][] pairWeights;
    private readonly string[]?[][] readings;
    private readonly bool[][] optional;
    private readonly double total;

    // The question's phrases as the texts look them up, keyed once here rather than once a sentence.
    private readonly (string Forward, string Backward, bool IgnoreMarks)[][] pairKeys;
    private readonly (string[] Keys, bool IgnoreMarks)[][] synonymKeys;

    private FocusCoverage(QuestionFocus focus, Func<string, double> rarity, double pairWeight, Func<string, IReadOnlyList<string>>? markedForms)
    {
        this.focus = focus;
        this.syllableWeights = new double[focus.Runs.Count][];
        this.pairWeights = new double[focus.Runs.Count][];
        this.readings = new string[]?[focus.Runs.Count][];
        this.optional = new bool[focus.Runs.Count][];
        this.pairKeys = new (string, string, bool)[focus.Runs.Count][];
        this.synonymKeys = new (string[], bool)[focus.Runs.Count][];
        for (var r = 0; r < focus.Runs.Count; r++)
        {
            var run = focus.Runs[r];
            var tokens = run.Tokens;
            this.pairKeys[r] = [.. Enumerable.Range(0, Math.Max(0, tokens.Count - 1)).Select(i =>
            {
                var ignoreMarks = !tokens[i].Exact || !tokens[i + 1].Exact;
                return (MatchText.PhraseKey([tokens[i], tokens[i + 1]], ignoreMarks), MatchText.PhraseKey([tokens[i + 1], tokens[i]], ignoreMarks), ignoreMarks);
            })];
            this.synonymKeys[r] = [.. run.Synonyms.Select(span =>
            {
                var ignoreMarks = SpanIgnoresMarks(run, span);
                return (span.Alternatives.Select(a => MatchText.PhraseKey(a, ignoreMarks)).ToArray(), ignoreMarks);
            })];
            this.syllableWeights[r] = tokens.Select(t => rarity(t.Folded)).ToArray();
            this.readings[r] = tokens.Select((_, i) => markedForms is null ? null : Readings(tokens, i, markedForms)).ToArray();

            // "de" may be the joining word "để": beside "chuyen" the corpus spells it "đề", and then it is part of the word;
            // "truoc do" is "trước đó" wherever the corpus has it, and then "do" is the joining word, left out as if typed so.
            this.optional[r] = new bool[tokens.Count];
            var dropped = new bool[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!run.IsOptional(i))
                {
                    continue;
                }

                var read = this.readings[r][i];
                if (read is null || (read.Any(QuestionLexicon.IsJoiningSyllable) && !read.All(QuestionLexicon.IsJoiningSyllable)))
                {
                    this.optional[r][i] = true;
                }
                else if (read.All(QuestionLexicon.IsJoiningSyllable))
                {
                    this.syllableWeights[r][i] = 0;
                    dropped[i] = true;
                }
            }

            this.pairWeights[r] = new double[Math.Max(0, tokens.Count - 1)];
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                // A pair across the edge of a phrase the synonym list knows ("ấp | đông đảng viên") joins two concepts: it is no word.
                var across = run.Synonyms.Any(span => (span.Index <= i && i < span.End) != (span.Index <= i + 1 && i + 1 < span.End));
                this.pairWeights[r][i] = across || dropped[i] || dropped[i + 1] ? 0 : pairWeight * rarity($"{tokens[i].Folded} {tokens[i + 1].Folded}");
            }
        }

        this.total = this.syllableWeights.Sum(w => w.Sum()) + this.pairWeights.Sum(w => w.Sum());
    }

    /// <param name="rarity">How rare a folded syllable or "a b" pair is in the corpus (BM25 idf).</param>
    /// <param name="pairWeight">How much a syllable pair counts beside its syllables (1: as much as its rarity says).</param>
    /// <param name="markedForms">How the corpus spells a pair typed without marks: such a syllable is then read as the corpus spells it beside its neighbour.</param>
    public static FocusCoverage For(
        QuestionFocus focus, Func<string, double> rarity, double pairWeight = 1, Func<string, IReadOnlyList<string>>? markedForms = null) =>
        new(focus, rarity, pairWeight, markedForms);

    /// <summary>The share of the focus that the texts state together (a sentence with its heading, say).</summary>
    public double Of(params MatchText[] texts) => this.Of(texts, []);

    /// <param name="roles">The roles the texts name: a role of the focus is stated by one that is the same, includes it or is kin.</param>
    public double Of(MatchText[] texts, IReadOnlyCollection<Role> roles)
    {
        if (this.total <= 0)
        {
            return 0;
        }

        double stated = 0;
        var total = this.total;
        for (var r = 0; r < this.focus.Runs.Count; r++)
        {
            var run = this.focus.Runs[r];
            var tokens = run.Tokens;
            var said = new bool[tokens.Count];
            var direct = new bool[tokens.Count];
            var byRole = new bool[tokens.Count];
            foreach (var span in run.Roles.Where(span => roles.Any(role => RoleLexicon.Overlap(role, span.Role))))
            {
                for (var i = span.Index; i < span.End; i++)
                {
                    byRole[i] = true;
                }
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                direct[i] = (this.readings[r][i] is { } read ? HasAny(texts, read) : Has(texts, tokens[i])) || byRole[i];
                said[i] = direct[i] || this.BySynonym(r, i, i, texts);
                if (said[i])
                {
                    stated += this.syllableWeights[r][i];
                }
                else if (this.optional[r][i])
                {
                    total -= OptionalDiscount * this.syllableWeights[r][i];
                }
            }

            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                if (this.pairWeights[r][i] == 0)
                {
                    continue;
                }

                // The pair as written, one phrase said another way, or each half said with one of them through a synonym ("dưới 40" as "không quá 40").
                // A compound may come in either order ("nối tiếp", "tiếp nối").
                if ((byRole[i] && byRole[i + 1]) ||
                    HasEither(texts, this.pairKeys[r][i]) ||
                    this.BySynonym(r, i, i + 1, texts) ||
                    (said[i] && said[i + 1] && !(direct[i] && direct[i + 1])))
                {
                    stated += this.pairWeights[r][i];
                }
                else if (this.optional[r][i] || this.optional[r][i + 1])
                {
                    // A pair with what may be a joining word is maybe no word of the question: it helps where found, costs nothing where not.
                    total -= this.pairWeights[r][i];
                }
            }
        }

        return total <= 0 ? 0 : stated / total;
    }

    /// <summary>Whether the text states syllable <paramref name="index"/> of the run, as written or through a synonym of its phrase.</summary>
    public static bool States(FocusRun run, int index, params MatchText[] texts) => Has(texts, run.Tokens[index]) || BySynonym(run, index, index, texts);

    /// <summary>
    /// A syllable typed without marks, read the way the corpus spells it beside its neighbours in the question: "chuyen de" is
    /// "chuyên đề" there, so "chuyen" alone is "chuyên", not the "chuyển" of "chuyển biến". Null when marks were typed or no
    /// pair with a neighbour is known: then any marked spelling matches.
    /// </summary>
    private static string[]? Readings(IReadOnlyList<TextToken> tokens, int index, Func<string, IReadOnlyList<string>> markedForms)
    {
        if (tokens[index].Exact)
        {
            return null;
        }

        var readings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (first, second, own) in new[] { (index - 1, index, 1), (index, index + 1, 0) })
        {
            if (first < 0 || second >= tokens.Count)
            {
                continue;
            }

            var neighbour = tokens[own == 0 ? second : first];
            foreach (var form in markedForms($"{tokens[first].Folded} {tokens[second].Folded}"))
            {
                var syllables = form.Split(' ');
                if (syllables.Length == 2 && (!neighbour.Exact || syllables[1 - own] == neighbour.Accented))
                {
                    readings.Add(syllables[own]);
                }
            }
        }

        return readings.Count == 0 ? null : [.. readings];
    }

    private static bool HasEither(MatchText[] texts, (string Forward, string Backward, bool IgnoreMarks) pair)
    {
        foreach (var text in texts)
        {
            if (text.HasPhrase(pair.Forward, pair.IgnoreMarks) || text.HasPhrase(pair.Backward, pair.IgnoreMarks))
            {
                return true;
            }
        }

        return false;
    }

    private bool BySynonym(int run, int first, int last, MatchText[] texts)
    {
        var spans = this.focus.Runs[run].Synonyms;
        for (var s = 0; s < spans.Count; s++)
        {
            if (spans[s].Index <= first && last < spans[s].End)
            {
                var (keys, ignoreMarks) = this.synonymKeys[run][s];
                foreach (var key in keys)
                {
                    foreach (var text in texts)
                    {
                        if (text.HasPhrase(key, ignoreMarks))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    private static bool SpanIgnoresMarks(FocusRun run, SynonymSpan span) => run.Tokens.Skip(span.Index).Take(span.Count).Any(t => !t.Exact);

    private static bool HasAny(MatchText[] texts, string[] accented)
    {
        foreach (var text in texts)
        {
            foreach (var syllable in accented)
            {
                if (text.HasSyllable(syllable))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Has(MatchText[] texts, TextToken token)
    {
        foreach (var text in texts)
        {
            if (text.Has(token))
            {
                return true;
            }
        }

        return false;
    }

    // Syllables first..last of the run lie in one phrase the synonym list knows, and the text says that phrase some way.
    private static bool BySynonym(FocusRun run, int first, int last, MatchText[] texts)
    {
        foreach (var span in run.Synonyms)
        {
            if (span.Index <= first && last < span.End)
            {
                var ignoreMarks = SpanIgnoresMarks(run, span);
                if (span.Alternatives.Any(a => texts.Any(t => t.HasPhrase(a, ignoreMarks))))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
