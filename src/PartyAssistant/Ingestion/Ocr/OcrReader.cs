using System.Globalization;

namespace PartyAssistant.Ingestion;

/// <summary>What OCR made of some pages: their rows as a text layer would give them, and the lines to check.</summary>
internal sealed record OcrResult(IReadOnlyList<PdfPageRows> Pages, IReadOnlyList<UncertainLine> Uncertain);

/// <summary>
/// Reads scanned pages: a PDF page is rendered to a grey image with pdftoppm, an image is read with
/// Tesseract (TSV output, so each word keeps its box and confidence). See <see cref="OcrOptions"/>.
/// </summary>
public sealed class OcrReader(OcrOptions options)
{
    private TimeSpan PageTimeout => TimeSpan.FromSeconds(options.PageTimeoutSeconds);

    /// <summary>Pages <paramref name="pageNumbers"/> (1-based) of a PDF, rendered and read one by one.</summary>
    internal async Task<OcrResult> ReadPdfPagesAsync(string pdf, IReadOnlyList<int> pageNumbers, CancellationToken cancellationToken)
    {
        this.CheckPageCount(pdf, pageNumbers.Count);
        var work = Directory.CreateTempSubdirectory("pa-ocr-");
        try
        {
            var pages = new List<OcrPage>();
            foreach (var number in pageNumbers)
            {
                var page = number.ToString(CultureInfo.InvariantCulture);
                var prefix = Path.Combine(work.FullName, "trang-" + page);
                await OcrTool.RunAsync(pdf, options.PdftoppmPath, "Ocr:PdftoppmPath",
                    ["-f", page, "-l", page, "-r", options.RenderDpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-singlefile", pdf, prefix],
                    this.PageTimeout, cancellationToken).ConfigureAwait(false);
                pages.AddRange(await this.ReadAsync(pdf, prefix + ".png", number, cancellationToken).ConfigureAwait(false));
            }

            return this.Result(pages);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>An image file (.png, .jpg, .tif; a .tif may hold several pages).</summary>
    internal async Task<OcrResult> ReadImageAsync(string image, CancellationToken cancellationToken)
    {
        var pages = await this.ReadAsync(image, image, 1, cancellationToken).ConfigureAwait(false);
        this.CheckPageCount(image, pages.Count);
        return this.Result(pages);
    }

    private async Task<List<OcrPage>> ReadAsync(string file, string image, int firstPage, CancellationToken cancellationToken)
    {
        var tsv = await OcrTool.RunAsync(file, options.TesseractPath, "Ocr:TesseractPath", [image, "stdout", "-l", options.Language, "tsv"], this.PageTimeout, cancellationToken)
            .ConfigureAwait(false);
        return TesseractTsv.Parse(tsv, firstPage);
    }

    private void CheckPageCount(string file, int count)
    {
        if (count > options.MaxPages)
        {
            throw new IngestException(file, $"có {count} trang cần nhận dạng chữ (OCR), quá giới hạn Ocr:MaxPages = {options.MaxPages}; hãy tách tệp hoặc tăng giới hạn (và Ingestion:TimeBudgetSeconds).");
        }
    }

    private OcrResult Result(List<OcrPage> pages) =>
        new(pages.Select(OcrPageLayout.Rows).ToList(), pages.SelectMany(p => OcrPageLayout.Uncertain(p, options.LowConfidence)).ToList());
}
