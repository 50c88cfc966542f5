namespace PartyAssistant.Corpus;

/// <summary>
/// The unit that is retrieved and cited: a bullet, a paragraph, a clause.
/// <paramref name="Id"/> is stable ("kl-tu-nq03/II.3.4"); <paramref name="Label"/> is what a reader checks against the document.
/// </summary>
public sealed record Passage(
    string Id,
    string DocumentId,
    string SectionPath,
    string Label,
    string Heading,
    string Text,
    int Order,
    int Line);

/// <summary>A part, item or article of a document; passages point at it through their section path.</summary>
public sealed record Section(string Path, string Heading, string LabelPart)
{
    /// <summary>An article ("Điều 5"); a khoản with điểm is a section too, labelled "Điều 5, khoản 2".</summary>
    public bool IsArticle => this.LabelPart.StartsWith("Điều ", StringComparison.Ordinal) && !this.LabelPart.Contains(',', StringComparison.Ordinal);
}

public sealed record CorpusDocument(
    DocumentMetadata Metadata,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Passage> Passages,
    string SourcePath)
{
    public string Id => this.Metadata.Id;

    /// <summary>A hash of the file's text as parsed (null for a document built in memory): what changed, without re-reading it.</summary>
    public string? ContentHash { get; init; }
}
