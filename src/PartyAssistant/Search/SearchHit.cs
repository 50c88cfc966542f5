using PartyAssistant.Corpus;

namespace PartyAssistant.Search;

/// <summary>A ranked passage: what the user reads and what an answer cites.</summary>
/// <param name="ReplacedWarning">Set when the passage's document is no longer in force: "đã được thay thế bởi …".</param>
public sealed record SearchHit(int Rank, string PassageId, string DocumentId, string Label, float Score, string Text, bool FromSummary, string? ReplacedWarning = null)
{
    /// <summary>What the passage is in its document: text, title block, recipients, signature.</summary>
    public PassageRole Role { get; init; }

    /// <summary>The kind of its document: "Kết luận", "Quy định".</summary>
    public string DocumentType { get; init; } = string.Empty;

    /// <summary>How citations name its document, and the document's title.</summary>
    public string DocumentTitle { get; init; } = string.Empty;

    /// <summary>Its document was read from a scan by OCR: citations say so.</summary>
    public bool FromScan { get; init; }

    /// <summary>The section heading the passage sits under.</summary>
    public string Heading { get; init; } = string.Empty;

    /// <summary>Numbers its document carries or its title and heading name ("213-qd", "3-nq-tu"): the documents it is about.</summary>
    public IReadOnlySet<string> DocumentKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The numbers its own document carries ("213-qd", "213-qd-tw"); empty when it has none.</summary>
    public IReadOnlySet<string> OwnKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
