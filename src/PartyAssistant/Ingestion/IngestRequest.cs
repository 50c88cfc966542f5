using PartyAssistant.Corpus;

namespace PartyAssistant.Ingestion;

/// <summary>One file to bring into the corpus, with what the user said about it (each value overrides what the file states).</summary>
public sealed record IngestRequest(string File)
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public string? Number { get; init; }
    public DateOnly? Date { get; init; }
    public string? Issuer { get; init; }
    public string? Title { get; init; }
    public string? Signer { get; init; }

    /// <summary>How citations name the document; by default "&lt;type&gt; &lt;number&gt;", or the start of the title when there is no number.</summary>
    public string? ShortTitle { get; init; }

    /// <summary>Id or number of the document this one replaces.</summary>
    public string? Replaces { get; init; }

    /// <summary>Id of the summary this official text takes the place of.</summary>
    public string? SummaryOf { get; init; }

    /// <summary>Replace a corpus file that already has this id.</summary>
    public bool Overwrite { get; init; }
}

/// <summary>Where a metadata value came from, so the user can see what to check.</summary>
public enum ValueSource
{
    Missing,
    Detected,
    Given,
}

/// <summary>A value as it will be written, and whether the file stated it or the user gave it.</summary>
public sealed record MetadataValue(string Name, string? Value, ValueSource Source);

/// <summary>
/// A file read, recognised and rendered, ready to be written: nothing is in the corpus yet.
/// <paramref name="Document"/> is the rendered Markdown parsed back, exactly as the corpus will read it.
/// </summary>
public sealed record IngestPlan(
    IngestRequest Request,
    ExtractedText Extracted,
    CorpusDocument Document,
    string Markdown,
    string TargetPath,
    IReadOnlyList<MetadataValue> Values,
    IReadOnlyList<string> Notes,
    bool OverwritesExisting)
{
    public string Id => this.Document.Id;
}

/// <summary>A file as read and recognised, before it is planned against the corpus.</summary>
public sealed record IngestReading(IngestRequest Request, ExtractedText Extracted, RecognizedDocument Recognized);
