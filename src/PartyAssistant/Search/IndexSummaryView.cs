using System.Text.Json.Serialization;

namespace PartyAssistant.Search;

/// <summary>What a build made (`index --json`).</summary>
public sealed record IndexSummaryView(
    [property: JsonPropertyName("documents")] int Documents,
    [property: JsonPropertyName("passages")] int Passages,
    [property: JsonPropertyName("reindexed")] int Reindexed,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors)
{
    public static IndexSummaryView From(IndexManifest manifest) => new(manifest.Documents, manifest.Passages, manifest.Reindexed, manifest.Errors);
}
