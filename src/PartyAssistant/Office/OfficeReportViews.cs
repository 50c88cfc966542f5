using System.Text.Json.Serialization;

namespace PartyAssistant.Office;

/// <summary>What the office page shows (`GET /admin/api/report`).</summary>
public sealed record OfficeReportView(
    [property: JsonPropertyName("generated_at")] DateTimeOffset GeneratedAt,
    [property: JsonPropertyName("retention_days")] int RetentionDays,
    [property: JsonPropertyName("questions")] int Questions,
    [property: JsonPropertyName("activity")] IReadOnlyList<ActivityView> Activity,
    [property: JsonPropertyName("gaps")] IReadOnlyList<GapView> Gaps,
    [property: JsonPropertyName("thumbs_down")] IReadOnlyList<ThumbsDownView> ThumbsDown,
    [property: JsonPropertyName("most_cited")] IReadOnlyList<CitedPassageView> MostCited);

/// <summary>Questions asked on one day on one channel.</summary>
public sealed record ActivityView(
    [property: JsonPropertyName("day")] string Day,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("count")] int Count);

/// <summary>Questions the documents did not answer, grouped by what they were about; newest group first.</summary>
public sealed record GapView(
    [property: JsonPropertyName("focus")] string Focus,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("not_covered")] int NotCovered,
    [property: JsonPropertyName("related")] int Related,
    [property: JsonPropertyName("last_asked")] DateTimeOffset LastAsked,
    [property: JsonPropertyName("examples")] IReadOnlyList<string> Examples);

/// <summary>An answer a user marked 👎, with the question it answered.</summary>
public sealed record ThumbsDownView(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answer")] string Answer);

public sealed record CitedPassageView(
    [property: JsonPropertyName("passage_id")] string PassageId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("count")] int Count);

/// <summary>One logged question, as the CSV export gives it.</summary>
public sealed record LoggedQuestion(DateTimeOffset At, string Channel, string UserHash, string Question, string Outcome, string Focus, string CitedPassages);
