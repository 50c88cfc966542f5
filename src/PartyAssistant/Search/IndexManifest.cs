namespace PartyAssistant.Search;

/// <summary>
/// Written beside each built index: what it was built from, so a changed corpus is noticed, and each document's hash
/// in the index's own terms, so the next build rewrites only the documents that changed.
/// </summary>
public sealed record IndexManifest(string Fingerprint, int Documents, int Passages, DateTimeOffset BuiltAt, IReadOnlyList<string> Errors)
{
    /// <summary>The index layout it was written with; another layout means a full rebuild.</summary>
    public string? Format { get; init; }

    /// <summary>Document id → hash of the Lucene documents written for it (passages, sentences, standing).</summary>
    public IReadOnlyDictionary<string, string>? DocumentHashes { get; init; }

    /// <summary>
    /// Hash of each corpus file's text (<see cref="Corpus.CorpusDocument.ContentHash"/>) → the passages it parsed into. The
    /// next load parses such a file's body only on need, and the next build counts its passages from here.
    /// </summary>
    public IReadOnlyDictionary<string, int>? ParsedFiles { get; init; }

    /// <summary>Documents written by this build: all of them for a full build, the changed ones for an update.</summary>
    public int Reindexed { get; init; }
}
