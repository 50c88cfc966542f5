using UglyToad.PdfPig.Content;

namespace PartyAssistant.Ingestion;

/// <summary>Words that sit together on one baseline, in page coordinates (y grows upwards).</summary>
/// <param name="FirstWordWidth">Lets the paragraph builder ask whether this word would have fitted on the line above.</param>
internal sealed record PdfSegment(string Text, double Left, double Right, double Baseline, double FontSize, double FirstWordWidth);

/// <summary>
/// Everything on one baseline of a page. Usually one segment; two when the line holds side-by-side
/// blocks separated by a wide gap (header block: issuing body left, "ĐẢNG CỘNG SẢN VIỆT NAM" right).
/// </summary>
internal sealed record PdfRow(IReadOnlyList<PdfSegment> Segments)
{
    public string Text => string.Join(" ", this.Segments.Select(s => s.Text));

    public double Left => this.Segments[0].Left;

    public double Right => this.Segments[^1].Right;

    public double Baseline => this.Segments[0].Baseline;

    public double FontSize => this.Segments.Max(s => s.FontSize);
}

/// <summary>One page's rows, top to bottom, with the page's size.</summary>
internal sealed record PdfPageRows(int Number, double Width, double Height, List<PdfRow> Rows);

/// <summary>Groups a page's words into rows: by baseline, top to bottom, then left to right.</summary>
internal static class PdfLineBuilder
{
    public static PdfPageRows Build(Page page)
    {
        var words = page.GetWords()
            .Where(w => !string.IsNullOrWhiteSpace(w.Text) && w.Letters.Count > 0)
            .Select(w => new PositionedWord(
                w.Text,
                w.BoundingBox.Left,
                w.BoundingBox.Right,
                // The letters' baseline, not the box: a word with descenders (g, y) or stacked
                // Vietnamese marks (Ễ) has a different box bottom than its neighbours.
                Median(w.Letters.Select(l => l.StartBaseLine.Y)),
                FontSizeOf(w)))
            .ToList();
        return FromWords(page.Number, page.Width, page.Height, words);
    }

    /// <summary>Rows from words already placed on the page (a text layer, or words read by OCR).</summary>
    public static PdfPageRows FromWords(int number, double width, double height, List<PositionedWord> words)
    {
        words = [.. words.OrderByDescending(w => w.Baseline)];
        var rows = new List<PdfRow>();
        var current = new List<PositionedWord>();
        foreach (var word in words)
        {
            if (current.Count > 0 && Math.Abs(current[0].Baseline - word.Baseline) > 0.35 * Math.Max(word.FontSize, current[0].FontSize))
            {
                rows.Add(ToRow(current));
                current = [];
            }

            current.Add(word);
        }

        if (current.Count > 0)
        {
            rows.Add(ToRow(current));
        }

        return new PdfPageRows(number, width, height, rows);
    }

    private static PdfRow ToRow(List<PositionedWord> words)
    {
        words.Sort((a, b) => a.Left.CompareTo(b.Left));
        var baseline = words[0].Baseline;
        var segments = new List<PdfSegment>();
        var start = 0;
        var usualGap = MedianGap(words);
        for (var i = 1; i <= words.Count; i++)
        {
            // A gap of several character widths is not a word space but the gutter between two
            // blocks side by side; keeping them apart lets the header block be read column by column.
            // Browsers and word processors set the two header columns closer (two character widths):
            // a gap that wide and far wider than the row's other gaps is a gutter too, while a
            // justified line stretches all its gaps alike.
            var split = i == words.Count || IsGutter(words[i].Left - words[i - 1].Right, Math.Max(words[i].FontSize, words[i - 1].FontSize), usualGap);
            if (split)
            {
                var part = words.GetRange(start, i - start);
                segments.Add(new PdfSegment(
                    string.Join(" ", part.Select(w => w.Text)),
                    part[0].Left,
                    part.Max(w => w.Right),
                    baseline,
                    part.Max(w => w.FontSize),
                    part[0].Right - part[0].Left));
                start = i;
            }
        }

        return new PdfRow(segments);
    }

    private static bool IsGutter(double gap, double fontSize, double usualGap) =>
        gap > 3 * fontSize || (gap > 1.5 * fontSize && gap > 4 * usualGap);

    private static double MedianGap(List<PositionedWord> words) =>
        words.Count < 3 ? double.MaxValue : Median(words.Zip(words.Skip(1)).Select(pair => Math.Max(pair.Second.Left - pair.First.Right, 0)));

    private static double FontSizeOf(Word word)
    {
        var size = word.Letters.Max(l => l.PointSize);
        return size > 0.5 ? size : Math.Max(word.BoundingBox.Height, 1);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

}

/// <summary>One word on a page, in page coordinates (points, y grows upwards).</summary>
internal sealed record PositionedWord(string Text, double Left, double Right, double Baseline, double FontSize);
