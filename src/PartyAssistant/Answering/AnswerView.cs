using System.Text.Json.Serialization;
using PartyAssistant.Evaluation;

namespace PartyAssistant.Answering;

/// <summary>
/// An answer as every machine-readable door gives it: `ask --json` and `POST /api/ask` (which adds the
/// conversation and the answer's id for feedback). The property order is the JSON's order.
/// </summary>
public sealed record AnswerView(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("searched_question")] string SearchedQuestion,
    [property: JsonPropertyName("abstained")] bool Abstained,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("notice")] string? Notice,
    [property: JsonPropertyName("citations")] IReadOnlyList<CitationView> Citations,
    [property: JsonPropertyName("related")] IReadOnlyList<RelatedView> Related,
    [property: JsonPropertyName("focus")] string Focus,
    [property: JsonPropertyName("not_loaded")] IReadOnlyList<string> NotLoaded,
    [property: JsonPropertyName("passages")] IReadOnlyList<RankedPassageView> Passages,
    [property: JsonPropertyName("coverage")] double Coverage,
    [property: JsonPropertyName("backend")] string Backend,
    [property: JsonPropertyName("timings_ms")] IReadOnlyDictionary<string, double> TimingsMs)
{
    /// <summary>The web conversation the answer belongs to; absent from `ask --json`.</summary>
    [JsonPropertyName("conversation_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }

    /// <summary>The stored answer a 👍/👎 refers to; absent from `ask --json`.</summary>
    [JsonPropertyName("answer_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? AnswerId { get; init; }

    public static AnswerView From(GroundedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new AnswerView(
            answer.Question,
            answer.SearchedQuestion,
            answer.Abstained,
            AnswerEvaluator.OutcomeName(answer.Outcome),
            answer.Answer,
            answer.Notice,
            [.. answer.Citations.Select(c => new CitationView(c.N, c.PassageId, c.Label, c.Quote, c.FromSummary))],
            [.. answer.Related.Select(r => new RelatedView(r.PassageId, r.Label, r.Quote, r.FromSummary))],
            answer.Focus,
            answer.NotLoaded,
            [.. answer.Passages.Select(p => new RankedPassageView(p.Rank, p.PassageId, p.Label, Math.Round(p.Score, 4), p.Text))],
            answer.Coverage,
            answer.Backend,
            answer.TimingsMs);
    }
}

public sealed record CitationView(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("passage_id")] string PassageId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("quote")] string Quote,
    [property: JsonPropertyName("summary")] bool Summary);

public sealed record RelatedView(
    [property: JsonPropertyName("passage_id")] string PassageId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("quote")] string Quote,
    [property: JsonPropertyName("summary")] bool Summary);

/// <summary>A passage the search returned, with its rank and score (answers and `search --json`).</summary>
public sealed record RankedPassageView(
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("passage_id")] string PassageId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("text")] string Text);
