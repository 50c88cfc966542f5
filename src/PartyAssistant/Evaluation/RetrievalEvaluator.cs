using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Evaluation;

/// <summary>One question's retrieval outcome.</summary>
public sealed record RetrievalOutcome(EvalQuestion Question, int? FirstRelevantRank, IReadOnlyList<SearchHit> Hits);

public sealed record RetrievalReport(
    RetrievalMetrics Overall,
    IReadOnlyDictionary<string, RetrievalMetrics> ByKind,
    IReadOnlyList<RetrievalOutcome> Outcomes);

/// <summary>Searches each question with evidence and ranks the first passage containing any evidence span.</summary>
public static class RetrievalEvaluator
{
    public const int Depth = 10;

    public static RetrievalReport Evaluate(PassageSearcher searcher, IEnumerable<EvalQuestion> questions)
    {
        var outcomes = new List<RetrievalOutcome>();
        foreach (var question in questions.Where(q => q.EvidenceAny.Count > 0))
        {
            var hits = searcher.Search(question.Question, Depth);
            outcomes.Add(new RetrievalOutcome(question, FirstRelevantRank(hits, question.EvidenceAny), hits));
        }

        return new RetrievalReport(
            RetrievalMetrics.From(outcomes.Select(o => o.FirstRelevantRank).ToList()),
            outcomes.GroupBy(o => o.Question.Kind)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => RetrievalMetrics.From(g.Select(o => o.FirstRelevantRank).ToList())),
            outcomes);
    }

    public static int? FirstRelevantRank(IReadOnlyList<SearchHit> hits, IReadOnlyList<string> evidence)
    {
        var keys = evidence.Select(VietnameseText.MatchKey).Where(k => k.Length > 0).ToList();
        foreach (var hit in hits)
        {
            var text = VietnameseText.MatchKey(hit.Text);
            if (keys.Any(k => text.Contains(k, StringComparison.Ordinal)))
            {
                return hit.Rank;
            }
        }

        return null;
    }
}
