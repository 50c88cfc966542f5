namespace PartyAssistant.Ingestion;

/// <summary>
/// Reads a scanned page saved as an image (.png, .jpg, .tif) with OCR, through the same row and
/// paragraph rules as a PDF, so the same recogniser reads it.
/// </summary>
public sealed class ImageTextExtractor(OcrReader ocr, IngestionOptions limits) : IDocumentTextExtractor
{
    public IReadOnlyCollection<string> Extensions { get; } = [".png", ".jpg", ".jpeg", ".tif", ".tiff"];

    public async Task<ExtractedText> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        IngestFile.CheckSize(path, limits.MaxUnpackedBytes);
        var read = await ocr.ReadImageAsync(path, cancellationToken).ConfigureAwait(false);
        if (read.Pages.All(p => p.Rows.Count == 0))
        {
            throw new IngestException(path, "nhận dạng chữ (OCR) không đọc được chữ nào trong ảnh (ảnh trắng hoặc quá mờ); hãy quét lại rõ hơn.");
        }

        return ScannedText.From(path, "ảnh", [.. read.Pages], read);
    }
}
