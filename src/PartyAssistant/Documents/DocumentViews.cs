using System.Globalization;
using System.Text.Json.Serialization;
using PartyAssistant.Corpus;

namespace PartyAssistant.Documents;

/// <summary>A document with its standing and relations, as `docs --json` and `GET /api/documents` give it.</summary>
public sealed record DocumentView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("number")] string? Number,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("issuer")] string? Issuer,
    [property: JsonPropertyName("signer")] string? Signer,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("short_title")] string ShortTitle,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("status")] DocumentStatusView Status,
    [property: JsonPropertyName("standing")] string Standing,
    [property: JsonPropertyName("standing_text")] string StandingText,
    [property: JsonPropertyName("replaces")] IReadOnlyList<string> Replaces,
    [property: JsonPropertyName("replaced_by")] IReadOnlyList<string> ReplacedBy,
    [property: JsonPropertyName("summary_of")] string? SummaryOf,
    [property: JsonPropertyName("official_text")] string? OfficialText,
    [property: JsonPropertyName("references")] IReadOnlyList<string> References,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources,
    [property: JsonPropertyName("not_covered")] string? NotCovered,
    [property: JsonPropertyName("ingested_from")] string? IngestedFrom,
    [property: JsonPropertyName("passages")] int Passages)
{
    public static DocumentView From(DocumentEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var m = entry.Document.Metadata;
        return new DocumentView(
            m.Id,
            m.Type,
            m.Number,
            m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            m.Issuer,
            m.Signer,
            m.Title,
            m.ShortTitle,
            KindName(m),
            new DocumentStatusView(m.Status.State, m.Status.ReplacedBy, m.Status.AsOf, m.Status.Note),
            entry.Standing switch
            {
                DocumentStanding.Replaced => "replaced",
                DocumentStanding.SummaryOfIngestedText => "summary-of-ingested-text",
                _ => "in-force",
            },
            entry.DescribeStanding(),
            [.. entry.Replaces.Select(d => d.Id)],
            [.. entry.ReplacedBy.Select(d => d.Id)],
            entry.SummaryOf?.Id,
            entry.OfficialText?.Id,
            m.References,
            m.Sources,
            m.NotCovered,
            m.IngestedFrom,
            entry.Document.Passages.Count);
    }

    public static string KindName(DocumentMetadata metadata) => metadata.IsSummary ? "summary" : "official-text";
}

public sealed record DocumentStatusView(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("replaced_by")] string? ReplacedBy,
    [property: JsonPropertyName("as_of")] string? AsOf,
    [property: JsonPropertyName("note")] string? Note);

/// <summary>A document read by its structure (`GET /api/documents/{id}`): its sections in order, each with its passages.</summary>
public sealed record DocumentStructureView(
    [property: JsonPropertyName("document")] DocumentView Document,
    [property: JsonPropertyName("summary_note")] string? SummaryNote,
    [property: JsonPropertyName("sections")] IReadOnlyList<SectionView> Sections);

public sealed record SectionView(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("heading")] string Heading,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("passages")] IReadOnlyList<PassageLineView> Passages);

public sealed record PassageLineView(
    [property: JsonPropertyName("passage_id")] string PassageId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("text")] string Text);

/// <summary>One passage in context, as `show --json` and `GET /api/passages/{id}` give it.</summary>
public sealed record PassageView(
    [property: JsonPropertyName("passage_id")] string PassageId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("document")] PassageDocumentView Document,
    [property: JsonPropertyName("heading")] string Heading,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("previous")] string? Previous,
    [property: JsonPropertyName("next")] string? Next,
    [property: JsonPropertyName("previous_text")] string? PreviousText,
    [property: JsonPropertyName("next_text")] string? NextText);

public sealed record PassageDocumentView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("in_force")] bool InForce,
    [property: JsonPropertyName("summary_note")] string? SummaryNote,
    [property: JsonPropertyName("not_covered")] string? NotCovered);

/// <summary>A document cited but not held, or held only as a summary (`docs --check --json`).</summary>
public sealed record MissingReferenceView(
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("only_summary")] bool OnlySummary,
    [property: JsonPropertyName("summary_id")] string? SummaryId,
    [property: JsonPropertyName("cited_by")] IReadOnlyList<string> CitedBy)
{
    public static MissingReferenceView From(MissingReference missing) =>
        new(missing.Reference, missing.OnlySummary, missing.SummaryId, missing.CitedBy);
}
