using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Reads the text layer of a PDF: rows per page, page furniture dropped, rows joined into paragraphs
/// (see <see cref="PdfParagraphBuilder"/>). Pages without a text layer (scans) are read with
/// <paramref name="ocr"/>; without it, a scan is refused. Encrypted files are refused with a message
/// saying what to do.
/// </summary>
public sealed class PdfTextExtractor(OcrReader? ocr = null) : IDocumentTextExtractor
{
    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public async Task<ExtractedText> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await IngestFile.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        List<PdfPageRows> pages;
        try
        {
            pages = ReadPages(bytes, cancellationToken);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new IngestException(path, "tệp PDF được đặt mật khẩu/mã hoá; hãy lưu bản không mã hoá rồi nạp lại.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // PdfPig reports damage with many exception types (format, parse, index, null reference).
            throw new IngestException(path, $"tệp PDF hỏng hoặc không đọc được: {ex.Message}", ex);
        }

        var scanned = pages.Where(p => p.Rows.Count == 0).Select(p => p.Number).ToList();
        if (scanned.Count == 0 || ocr is null)
        {
            if (scanned.Count == pages.Count)
            {
                throw new IngestException(path, "tệp PDF không có lớp văn bản (có thể là bản quét); cần nhận dạng chữ (OCR) trước khi nạp.");
            }

            // A scan slipped in among text pages would silently drop its content: the warning says which pages.
            return ScannedText.From(path, "pdf", pages, ocr: null);
        }

        // Pages without a text layer are scans: read them with OCR, in their place among the others.
        var read = await ocr.ReadPdfPagesAsync(path, scanned, cancellationToken).ConfigureAwait(false);
        foreach (var page in read.Pages)
        {
            pages[pages.FindIndex(p => p.Number == page.Number)] = page;
        }

        if (pages.All(p => p.Rows.Count == 0))
        {
            throw new IngestException(path, "tệp PDF không có lớp văn bản và nhận dạng chữ (OCR) không đọc được chữ nào (trang trắng, hoặc ảnh quét quá mờ); hãy quét lại rõ hơn.");
        }

        return ScannedText.From(path, "pdf", pages, read);
    }

    // A long regulation is a hundred pages or more: each core reads every n-th page, from its own PdfPig document (one
    // is not safe to share between threads). A short file is read on one.
    private const int PagesPerReader = 16;

    private static List<PdfPageRows> ReadPages(byte[] bytes, CancellationToken cancellationToken)
    {
        PdfPageRows[] read;
        int readers;
        using (var document = PdfDocument.Open(bytes))
        {
            read = new PdfPageRows[document.NumberOfPages];
            readers = Math.Max(1, Math.Min(Environment.ProcessorCount, read.Length / PagesPerReader));
            if (readers == 1)
            {
                ReadEvery(document, 0, 1, read, cancellationToken);
                return [.. read];
            }
        }

        try
        {
            Parallel.For(0, readers, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = readers }, reader =>
            {
                using var document = PdfDocument.Open(bytes);
                ReadEvery(document, reader, readers, read, cancellationToken);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first reader's failure is the file's: the same as reading it on one core would have met.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return [.. read];
    }

    /// <summary>Pages first+1, first+1+step, … of <paramref name="document"/> into their places in <paramref name="read"/>.</summary>
    private static void ReadEvery(PdfDocument document, int first, int step, PdfPageRows[] read, CancellationToken cancellationToken)
    {
        for (var number = first + 1; number <= read.Length; number += step)
        {
            cancellationToken.ThrowIfCancellationRequested();
            read[number - 1] = PdfLineBuilder.Build(document.GetPage(number));
        }
    }
}
