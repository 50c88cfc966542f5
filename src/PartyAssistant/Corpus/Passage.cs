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

/// <summary>
/// One corpus file: its metadata, and its sections and passages. A file the index already holds unchanged is not parsed
/// past its front matter until something asks for its passages: an ingest into a national corpus reads hundreds of
/// such files only to learn their ids, relations and hashes.
/// </summary>
public sealed record CorpusDocument
{
    private readonly Lazy<DocumentBody> body;

    public CorpusDocument(DocumentMetadata metadata, IReadOnlyList<Section> sections, IReadOnlyList<Passage> passages, string sourcePath)
        : this(metadata, sourcePath, new Lazy<DocumentBody>(new DocumentBody(sections, passages)))
    {
    }

    private CorpusDocument(DocumentMetadata metadata, string sourcePath, Lazy<DocumentBody> body)
    {
        this.Metadata = metadata;
        this.SourcePath = sourcePath;
        this.body = body;
    }

    public DocumentMetadata Metadata { get; }

    public string SourcePath { get; }

    public IReadOnlyList<Section> Sections => this.body.Value.Sections;

    public IReadOnlyList<Passage> Passages => this.body.Value.Passages;

    public string Id => this.Metadata.Id;

    /// <summary>A hash of the file's text as parsed (null for a document built in memory): what changed, without re-reading it.</summary>
    public string? ContentHash { get; init; }

    /// <summary>Whether the body has been parsed (always, for a document not read with its body deferred).</summary>
    public bool BodyParsed => this.body.IsValueCreated;

    /// <summary>The same document with only <paramref name="passages"/> (a session on one section, say).</summary>
    public CorpusDocument WithPassages(IReadOnlyList<Passage> passages) =>
        new(this.Metadata, this.Sections, passages, this.SourcePath) { ContentHash = this.ContentHash };

    /// <summary>A document whose body <paramref name="parse"/> reads on first need (once, whichever thread asks first).</summary>
    public static CorpusDocument WithBodyOnDemand(DocumentMetadata metadata, string sourcePath, Func<DocumentBody> parse) =>
        new(metadata, sourcePath, new Lazy<DocumentBody>(parse, LazyThreadSafetyMode.ExecutionAndPublication));
}

/// <summary>What a document's body parses into.</summary>
public sealed record DocumentBody(IReadOnlyList<Section> Sections, IReadOnlyList<Passage> Passages);
