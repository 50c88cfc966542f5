using PartyAssistant.Text;

namespace PartyAssistant.Ingestion;

/// <summary>A line Tesseract was unsure of, for the user to check against the paper.</summary>
/// <param name="Confidence">The mean of its words' confidences, 0–100.</param>
public sealed record UncertainLine(int Page, string Text, int Confidence);

/// <summary>
/// Places the words Tesseract read on a page as a PDF's text layer would place them, so the same
/// row, column and paragraph rules read a scan and a printed PDF. The page is straightened first
/// (a sheet fed slightly crooked tilts every line) and scaled to an A4 width in points.
/// </summary>
internal static class OcrPageLayout
{
    private const double A4WidthPoints = 595;

    // Tesseract's line box runs from the tallest mark to the lowest descender: about 1.25 em.
    private const double EmPerLineHeight = 0.8;

    public static PdfPageRows Rows(OcrPage page)
    {
        var scale = A4WidthPoints / Math.Max(page.Width, 1);
        var slope = Slope(page.Words);
        double X(double x, double y) => (x + (y * slope)) * scale;
        double Y(double x, double y) => (y - (x * slope)) * scale;

        var words = new List<PositionedWord>();
        foreach (var line in page.Words.Where(w => !IsSpeck(w)).GroupBy(w => w.LineKey))
        {
            var bottoms = line.Select(w => Y(w.Left + (w.Width / 2.0), w.Top + w.Height)).Order().ToArray();
            var tops = line.Select(w => Y(w.Left + (w.Width / 2.0), w.Top));
            // The middle word bottom: a descender (g, y) or a mark below (ạ) sits lower than the baseline.
            var baseline = bottoms[bottoms.Length / 2];
            var fontSize = Math.Max((bottoms[^1] - tops.Min()) * EmPerLineHeight, 1);
            foreach (var word in line)
            {
                var middle = word.Top + (word.Height / 2.0);
                words.Add(new PositionedWord(
                    VietnameseText.Normalize(word.Text),
                    X(word.Left, middle),
                    X(word.Left + word.Width, middle),
                    (page.Height * scale) - baseline,
                    fontSize));
            }
        }

        return PdfLineBuilder.FromWords(page.Number, A4WidthPoints, page.Height * scale, words);
    }

    /// <summary>
    /// Punctuation Tesseract is unsure of is most often a speck or a rule of the scan ("_" between the
    /// header columns, "¬" under the issuer): dropped, it no longer bridges the gutter between columns.
    /// </summary>
    private static bool IsSpeck(OcrWord word) => word.Confidence < SpeckConfidence && !word.Text.Any(char.IsLetterOrDigit);

    private const double SpeckConfidence = 60;

    /// <summary>Lines whose words Tesseract was, on average, less sure of than <paramref name="threshold"/>.</summary>
    public static IEnumerable<UncertainLine> Uncertain(OcrPage page, int threshold) =>
        page.Words.GroupBy(w => w.LineKey)
            .Select(line => new UncertainLine(page.Number, VietnameseText.Normalize(string.Join(' ', line.Select(w => w.Text))), (int)Math.Round(line.Average(w => Math.Max(w.Confidence, 0)))))
            .Where(line => line.Confidence < threshold);

    /// <summary>
    /// How far the lines drop per pixel across the page: the median over lines of several words of the
    /// fitted slope of their word bottoms. Zero when nothing is long enough to tell.
    /// </summary>
    private static double Slope(IReadOnlyList<OcrWord> words)
    {
        var slopes = new List<double>();
        foreach (var line in words.GroupBy(w => w.LineKey).Where(l => l.Count() >= 4))
        {
            var points = line.Select(w => (X: w.Left + (w.Width / 2.0), Y: (double)(w.Top + w.Height))).ToList();
            var meanX = points.Average(p => p.X);
            var meanY = points.Average(p => p.Y);
            var spread = points.Sum(p => (p.X - meanX) * (p.X - meanX));
            if (spread > 0)
            {
                slopes.Add(points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / spread);
            }
        }

        if (slopes.Count == 0)
        {
            return 0;
        }

        slopes.Sort();
        var median = slopes[slopes.Count / 2];
        // More than about 6° is not a crooked sheet but a misread; leave such a page as it is.
        return Math.Abs(median) > 0.1 ? 0 : median;
    }
}
