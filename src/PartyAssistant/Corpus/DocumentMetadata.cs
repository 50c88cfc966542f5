namespace PartyAssistant.Corpus;

/// <summary>What a corpus file's front matter says about its document.</summary>
public sealed record DocumentMetadata
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Number { get; init; }
    public DateOnly? Date { get; init; }
    public string? Issuer { get; init; }
    public string? Signer { get; init; }
    public required string Title { get; init; }
    public required string ShortTitle { get; init; }
    public required DocumentKind Kind { get; init; }
    public required DocumentStatus Status { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
    public string? NotCovered { get; init; }

    /// <summary>Ids of the documents this one replaces; they leave the answers unless asked for by number.</summary>
    public IReadOnlyList<string> Replaces { get; init; } = [];

    /// <summary>For an official text: the id of the summary it takes the place of.</summary>
    public string? SummaryOf { get; init; }

    /// <summary>The file an ingested document was read from (name only), so a reader can find the original.</summary>
    public string? IngestedFrom { get; init; }

    /// <summary>The text was read from a scan by OCR (front matter "ocr: true"): answers quoting it say so.</summary>
    public bool Ocr { get; init; }

    public bool IsSummary => this.Kind == DocumentKind.Summary;

    /// <summary>How citations name the document: "Quy định 213-QĐ/TW (tóm tắt)".</summary>
    public string CitationName => this.IsSummary ? $"{this.ShortTitle} (tóm tắt)" : this.ShortTitle;
}

public enum DocumentKind
{
    OfficialText,
    Summary,
}

/// <summary>In force or replaced, by what, and when that was last checked.</summary>
public sealed record DocumentStatus(string State, string? ReplacedBy, string? AsOf, string? Note)
{
    public const string InForce = "in-force";
    public const string Replaced = "replaced";

    public bool IsReplaced => this.State == Replaced;

    public string Describe() => this.State switch
    {
        Replaced => $"đã được thay thế{(this.ReplacedBy is null ? string.Empty : $" bởi {this.ReplacedBy}")}",
        _ => "đang có hiệu lực",
    } + (this.AsOf is null ? string.Empty : $" (tính đến {this.AsOf})");
}
