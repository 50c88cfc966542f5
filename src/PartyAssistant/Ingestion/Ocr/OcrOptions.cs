namespace PartyAssistant.Ingestion;

/// <summary>
/// Reading scans (section "Ocr"): PDF pages without a text layer and image files are rendered with
/// pdftoppm (Debian package poppler-utils) and read with Tesseract's Vietnamese model (tesseract-ocr,
/// tesseract-ocr-vie), each as a separate process with a time limit.
/// </summary>
public sealed class OcrOptions
{
    public const string SectionName = "Ocr";

    /// <summary>The Tesseract program: a name looked up on PATH, or a full path.</summary>
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>The pdftoppm program (poppler-utils) that renders PDF pages to images.</summary>
    public string PdftoppmPath { get; set; } = "pdftoppm";

    /// <summary>Tesseract's language model; "vie" is Vietnamese (package tesseract-ocr-vie).</summary>
    public string Language { get; set; } = "vie";

    /// <summary>
    /// Dots per inch a scanned PDF page is rendered at for reading. A 200 dpi scan is read better
    /// enlarged to 300: Tesseract keeps the marks on bold capitals when letters are about 30 pixels high.
    /// </summary>
    public int RenderDpi { get; set; } = 300;

    /// <summary>Seconds one page may take to render or read; a page takes 2–4 s on one core.</summary>
    public int PageTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Most pages read by OCR from one file. A longer scan is refused (it would run past
    /// Ingestion:TimeBudgetSeconds); split it or raise both.
    /// </summary>
    public int MaxPages { get; set; } = 30;

    /// <summary>A line whose words Tesseract is on average less sure of than this (0–100) is shown for checking.</summary>
    public int LowConfidence { get; set; } = 70;
}
