namespace PartyAssistant.Ingestion;

/// <summary>Builds the text of pages some of which were read by OCR, saying which pages and which lines to check.</summary>
internal static class ScannedText
{
    public static ExtractedText From(string path, string format, List<PdfPageRows> pages, OcrResult? ocr)
    {
        var empty = pages.Where(p => p.Rows.Count == 0).Select(p => p.Number).ToList();
        PdfPageFurniture.Remove(pages);
        var warnings = new List<string>();
        if (empty.Count > 0)
        {
            warnings.Add(ocr is null
                ? $"Trang {string.Join(", ", empty)} không có lớp chữ (có thể là ảnh quét); nội dung các trang này không được nạp."
                : $"Trang {string.Join(", ", empty)}: nhận dạng chữ (OCR) không đọc được chữ nào; nội dung các trang này không được nạp.");
        }

        var paragraphs = PdfParagraphBuilder.Build(pages);
        if (ocr is not null)
        {
            var read = ocr.Pages.Select(p => p.Number).ToHashSet();
            paragraphs = paragraphs.Select(p => read.Contains(p.Page) ? p with { Text = OcrRepairs.Correct(p.Text) } : p).ToList();
        }

        return new ExtractedText(path, format, paragraphs, pages.Count)
        {
            Warnings = warnings,
            OcrPages = ocr?.Pages.Select(p => p.Number).ToList() ?? [],
            UncertainLines = ocr?.Uncertain ?? [],
        };
    }
}
