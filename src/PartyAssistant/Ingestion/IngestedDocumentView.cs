using System.Globalization;
using System.Text.Json.Serialization;

namespace PartyAssistant.Ingestion;

/// <summary>A document an ingest wrote into the corpus (`ingest --json`).</summary>
public sealed record IngestedDocumentView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("corpus_file")] string CorpusFile,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("number")] string? Number,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("issuer")] string? Issuer,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("signer")] string? Signer,
    [property: JsonPropertyName("replaces")] IReadOnlyList<string> Replaces,
    [property: JsonPropertyName("summary_of")] string? SummaryOf,
    [property: JsonPropertyName("passages")] int Passages,
    [property: JsonPropertyName("ocr_pages")] IReadOnlyList<int> OcrPages,
    [property: JsonPropertyName("notes")] IReadOnlyList<string> Notes)
{
    public static IngestedDocumentView From(IngestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var metadata = plan.Document.Metadata;
        return new IngestedDocumentView(
            plan.Id, plan.Request.File, plan.TargetPath, metadata.Type, metadata.Number,
            metadata.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), metadata.Issuer, metadata.Title, metadata.Signer,
            metadata.Replaces, metadata.SummaryOf, plan.Document.Passages.Count, plan.Extracted.OcrPages, plan.Notes);
    }
}
