namespace PartyAssistant.Ingestion;

/// <summary>
/// The text of a source file in reading order, one entry per paragraph, before any structure is
/// recognised. Page furniture (running headers, footers, page numbers) is already gone and
/// paragraphs cut by a page break are already joined.
/// </summary>
public sealed record ExtractedText(string SourcePath, string Format, IReadOnlyList<ExtractedParagraph> Paragraphs, int PageCount)
{
    /// <summary>What the user should know about the reading (pages without text, …), in Vietnamese.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Pages (1-based) whose text was read from an image by OCR; empty for a text layer.</summary>
    public IReadOnlyList<int> OcrPages { get; init; } = [];

    /// <summary>Lines OCR was unsure of, for the user to check.</summary>
    public IReadOnlyList<UncertainLine> UncertainLines { get; init; } = [];

    public bool FromScan => this.OcrPages.Count > 0;
}

/// <summary>One paragraph as the file lays it out; <paramref name="Page"/> is 1-based (1 for formats without pages).</summary>
public sealed record ExtractedParagraph(string Text, int Page);

/// <summary>Reads the text of one kind of file (.docx, .pdf, .html, .txt/.md).</summary>
public interface IDocumentTextExtractor
{
    /// <summary>Lower-case extensions with the dot: ".docx".</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <exception cref="IngestException">The file cannot be read as this format; the message says why in Vietnamese.</exception>
    Task<ExtractedText> ExtractAsync(string path, CancellationToken cancellationToken);
}

/// <summary>A file that cannot be ingested, with a message for the user (Vietnamese).</summary>
public sealed class IngestException(string file, string problem, Exception? inner = null)
    : Exception($"{Path.GetFileName(file)}: {problem}", inner)
{
    public string File { get; } = file;

    public string Problem { get; } = problem;
}
