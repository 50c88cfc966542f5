using System.Text.Json.Serialization;

namespace PartyAssistant.Evaluation;

/// <summary>
/// `eval --json`: the metrics overall and per kind of question, each group a map from the README's metric names
/// ("hit@1", "lead_hit", …) to its figure (null where a metric does not apply, e.g. answers under --retrieval-only).
/// </summary>
public sealed record EvalReportView(
    [property: JsonPropertyName("overall")] IReadOnlyDictionary<string, object?> Overall,
    [property: JsonPropertyName("by_kind")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> ByKind);
