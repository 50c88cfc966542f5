using System.Text.Json.Serialization;

namespace PartyAssistant.Evaluation;

/// <summary>Retrieval figures over the questions that have evidence, named as in the eval README.</summary>
public sealed record RetrievalMetrics(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("hit@1")] double HitAt1,
    [property: JsonPropertyName("hit@3")] double HitAt3,
    [property: JsonPropertyName("mrr@10")] double MrrAt10)
{
    /// <summary>ranks: the 1-based rank of the first relevant passage, or null when none is in the top 10.</summary>
    public static RetrievalMetrics From(IReadOnlyCollection<int?> ranks)
    {
        if (ranks.Count == 0)
        {
            return new RetrievalMetrics(0, 0, 0, 0);
        }

        return new RetrievalMetrics(
            ranks.Count,
            Math.Round(ranks.Count(r => r == 1) / (double)ranks.Count, 4),
            Math.Round(ranks.Count(r => r <= 3) / (double)ranks.Count, 4),
            Math.Round(ranks.Sum(r => r is { } k and <= 10 ? 1.0 / k : 0) / ranks.Count, 4));
    }
}
