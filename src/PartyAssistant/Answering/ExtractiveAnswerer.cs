using System.Text;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// The offline answerer: picks the sentences of the supplied passages that answer the question
/// (its words, and the kind of fact it asks for: a date, a number, a definition), quotes them
/// word for word and cites each one. It never writes a claim of its own.
/// </summary>
public sealed class ExtractiveAnswerer(int maxSentences)
{
    private sealed record Candidate(int N, int Position, string Sentence, double Score);

    public string Answer(AnalyzedQuestion question, SuppliedPassages passages)
    {
        var chosen = this.Choose(question, passages);
        if (chosen.Count == 0)
        {
            return PromptLibrary.NotFoundToken;
        }

        var sb = new StringBuilder("Theo các văn bản đã nạp:\n");
        foreach (var candidate in chosen)
        {
            sb.Append("- ").Append(candidate.Sentence).Append(" [").Append(candidate.N).Append("]\n");
        }

        sb.Append('\n').Append(SourceList.Format(chosen.GroupBy(c => c.N).Select(g => (g.Key, passages[g.Key]!, g.First().Sentence))));
        return sb.ToString().TrimEnd();
    }

    private List<Candidate> Choose(AnalyzedQuestion question, SuppliedPassages passages)
    {
        var unigrams = Words(question.SearchText);
        var bigrams = unigrams.Zip(unigrams.Skip(1), (a, b) => $"{a} {b}").ToList();
        var sentences = new List<(int N, int Position, string Text, HashSet<string> Words, HashSet<string> Pairs)>();
        for (var n = 1; n <= passages.Count; n++)
        {
            var position = 0;
            foreach (var sentence in SentenceSplitter.Split(passages[n]!.Text))
            {
                var words = Words(sentence);
                sentences.Add((n, position++, sentence, words.ToHashSet(StringComparer.Ordinal),
                    words.Zip(words.Skip(1), (a, b) => $"{a} {b}").ToHashSet(StringComparer.Ordinal)));
            }
        }

        // Rare words say most about which sentence answers; the search's own ranking of the passages counts too.
        var weights = unigrams.Distinct().ToDictionary(u => u, u => passages.Rarity(u));
        var pairWeights = bigrams.Distinct().ToDictionary(b => b, b => passages.Rarity(b));
        var topScore = Math.Max(passages.Hits.Max(h => h.Score), 1e-6);
        var candidates = sentences
            .Select(s =>
            {
                var score = weights.Where(w => s.Words.Contains(w.Key)).Sum(w => w.Value) +
                            pairWeights.Where(w => s.Pairs.Contains(w.Key)).Sum(w => w.Value);
                if (question.Expected != ExpectedAnswer.Any && AnswerShape.Satisfies(question, s.Text, VietnameseText.MatchKey(s.Text)))
                {
                    score *= 1.5;
                }

                // A question that names a document is answered by sentences about that document, not another.
                if (question.References.Count > 0 && DocumentReference.FindAll(s.Text) is { Count: > 0 } named)
                {
                    score *= named.Any(r => question.References.Any(q => q.ShortKey == r.ShortKey)) ? 2.0 : 0.7;
                }

                return new Candidate(s.N, s.Position, s.Text, score * Math.Sqrt(passages[s.N]!.Score / topScore));
            })
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var best = candidates[0].Score;
        var chosen = new List<Candidate>();
        foreach (var candidate in candidates.TakeWhile(c => c.Score >= 0.6 * best))
        {
            var key = VietnameseText.MatchKey(candidate.Sentence);
            if (chosen.Any(c => VietnameseText.MatchKey(c.Sentence) == key))
            {
                continue;
            }

            chosen.Add(candidate);
            if (chosen.Count == maxSentences)
            {
                break;
            }
        }

        return chosen.OrderBy(c => c.N).ThenBy(c => c.Position).ToList();
    }

    private static List<string> Words(string text) =>
        VietnameseText.MatchKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Syllable.Canonical(w)).ToList();
}
