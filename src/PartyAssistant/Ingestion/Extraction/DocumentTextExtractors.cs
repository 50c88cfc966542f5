namespace PartyAssistant.Ingestion;

/// <summary>
/// Chooses the extractor for a file by its extension and refuses, with a message the user can act
/// on, what cannot be ingested: missing files, old .doc files, unsupported formats, files without text.
/// </summary>
public sealed class DocumentTextExtractors : IDocumentTextExtractor
{
    private readonly Dictionary<string, IDocumentTextExtractor> byExtension = new(StringComparer.OrdinalIgnoreCase);

    public DocumentTextExtractors()
        : this(new IngestionOptions(), new OcrOptions())
    {
    }

    public DocumentTextExtractors(IngestionOptions limits, OcrOptions ocr)
        : this(limits, new OcrReader(ocr))
    {
    }

    private DocumentTextExtractors(IngestionOptions limits, OcrReader ocr)
        : this([new DocxTextExtractor(limits), new PdfTextExtractor(ocr), new HtmlTextExtractor(limits), new PlainTextExtractor(limits), new ImageTextExtractor(ocr, limits)])
    {
    }

    public DocumentTextExtractors(IEnumerable<IDocumentTextExtractor> extractors)
    {
        foreach (var extractor in extractors)
        {
            foreach (var extension in extractor.Extensions)
            {
                this.byExtension[extension] = extractor;
            }
        }
    }

    public IReadOnlyCollection<string> Extensions => this.byExtension.Keys;

    public async Task<ExtractedText> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(path);
        if (!File.Exists(path))
        {
            throw new IngestException(path, "không tìm thấy tệp; hãy kiểm tra lại đường dẫn.");
        }

        if (string.Equals(extension, ".doc", StringComparison.OrdinalIgnoreCase))
        {
            throw new IngestException(path, "định dạng Word cũ (.doc) chưa được hỗ trợ; hãy mở bằng Word và lưu thành .docx rồi nạp lại.");
        }

        if (!this.byExtension.TryGetValue(extension, out var extractor))
        {
            var shown = extension.Length == 0 ? "(không có phần mở rộng)" : extension.ToLowerInvariant();
            throw new IngestException(path, $"định dạng \"{shown}\" chưa được hỗ trợ (hỗ trợ: .docx, .pdf, .html, .htm, .txt, .md, và ảnh quét .png, .jpg, .tif).");
        }

        var extracted = await extractor.ExtractAsync(path, cancellationToken).ConfigureAwait(false);
        return extracted.Paragraphs.Count == 0
            ? throw new IngestException(path, "tệp không có nội dung chữ.")
            : extracted;
    }
}
