using System.Text.Json.Serialization;

namespace PartyAssistant.Search;

/// <summary>Ranked passages for a question, as `search --json` and `GET /api/search` give them.</summary>
public sealed record SearchResultView(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("hits")] IReadOnlyList<SearchHitView> Hits)
{
    public static SearchResultView From(string question, IEnumerable<SearchHit> hits) =>
        new(question, [.. hits.Select(h => new SearchHitView(h.Rank, h.PassageId, h.Label, Math.Round(h.Score, 4), h.Text, h.ReplacedWarning))]);
}

public sealed record SearchHitView(
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("passage_id")] string PassageId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("replaced")] string? Replaced);
