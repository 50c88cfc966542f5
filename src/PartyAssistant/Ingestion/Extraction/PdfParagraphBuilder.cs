using System.Text;
using PartyAssistant.Text;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Turns the rows of all pages (furniture already removed) into paragraphs. A PDF keeps only lines,
/// so paragraph boundaries are inferred from layout: a larger gap, a first-line indent, a short last
/// line, a change between capitals and ordinary text, or a structural marker at the start of a line.
/// Side-by-side blocks (header block, Nơi nhận beside the signature) are read column by column.
/// A paragraph that runs over a page break is joined back together.
/// </summary>
internal sealed class PdfParagraphBuilder
{
    private readonly List<(StringBuilder Text, int Page)> paragraphs = [];
    private double bodyLeft;
    private double bodyRight;
    private double lineSpacing;
    private PdfSegment? previousLine;
    private int previousPage;

    public static List<ExtractedParagraph> Build(IReadOnlyList<PdfPageRows> pages)
    {
        var builder = new PdfParagraphBuilder();
        var items = pages.Select(p => (Page: p, Items: SplitIntoItems(p))).ToList();
        builder.Measure(items.SelectMany(p => p.Items.OfType<FlowLine>().Select(l => (p.Page.Number, l.Line))).ToList());
        foreach (var (page, pageItems) in items)
        {
            foreach (var item in pageItems)
            {
                switch (item)
                {
                    case FlowLine flow:
                        builder.AddLine(flow.Line, page.Number);
                        break;
                    case ColumnBlock block:
                        builder.AddBlock(block, page.Number);
                        break;
                }
            }
        }

        var result = new List<ExtractedParagraph>();
        foreach (var (text, page) in builder.paragraphs)
        {
            ExtractedTextCleaner.AddParagraph(result, text.ToString(), page);
        }

        return result;
    }

    /// <summary>The body's left and right edges and its ordinary line spacing, learnt from the whole document.</summary>
    private void Measure(List<(int Page, PdfSegment Line)> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        // The most frequent left edge is the body margin (first lines are indented, titles centred).
        this.bodyLeft = lines.GroupBy(l => Math.Round(l.Line.Left)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var rights = lines.Select(l => l.Line.Right).Order().ToArray();
        this.bodyRight = rights[(int)Math.Floor((rights.Length - 1) * 0.9)];
        var spacings = lines.Zip(lines.Skip(1))
            .Where(pair => pair.First.Page == pair.Second.Page)
            .Select(pair => pair.First.Line.Baseline - pair.Second.Line.Baseline)
            .Where(d => d > 0 && d < 60)
            .Order()
            .ToArray();
        // A low quantile: lines inside paragraphs outnumber paragraph breaks, and the breaks are wider.
        this.lineSpacing = spacings.Length == 0 ? 0 : spacings[(int)Math.Floor((spacings.Length - 1) * 0.25)];
    }

    private void AddLine(PdfSegment line, int page)
    {
        if (this.previousLine is { } previous && !this.StartsParagraph(previous, line, samePage: page == this.previousPage))
        {
            this.paragraphs[^1].Text.Append(' ').Append(line.Text);
        }
        else
        {
            this.paragraphs.Add((new StringBuilder(line.Text), page));
        }

        this.previousLine = line;
        this.previousPage = page;
    }

    private bool StartsParagraph(PdfSegment previous, PdfSegment line, bool samePage)
    {
        // The line above ended early although this line's first word would have fitted there:
        // the break was the author's, not the typesetter's.
        var size = Math.Max(line.FontSize, 1);
        var brokenEarly = previous.Right + (0.5 * size) + line.FirstWordWidth < this.bodyRight;
        if (StructuralMarker.IsBareDivisionHeading(previous.Text))
        {
            return true;
        }

        if (StructuralMarker.StartsWithMarker(line.Text))
        {
            // "… theo điểm" / "đ) khoản 2 Điều này": a cross-reference wrapped onto a new line looks
            // like a marker, but the line above ran to the margin without finishing its sentence.
            return brokenEarly || EndsClause(previous.Text);
        }

        if (!samePage && !EndsSentence(previous.Text))
        {
            // The bottom of the previous page stopped mid-sentence: the sentence goes on here.
            return false;
        }

        if (samePage && this.lineSpacing > 0 && previous.Baseline - line.Baseline > this.lineSpacing * 1.3)
        {
            return true;
        }

        if (IsAllCapitals(previous.Text) is { } previousCaps && IsAllCapitals(line.Text) is { } lineCaps && previousCaps != lineCaps)
        {
            return true;
        }

        var indented = line.Left > this.bodyLeft + 0.8 * size;
        return brokenEarly || (indented && EndsSentence(previous.Text));
    }

    private void AddBlock(ColumnBlock block, int page)
    {
        foreach (var column in new[] { block.Left, block.Right })
        {
            var columnLeft = column.Count == 0 ? 0 : column.Min(l => l.Left);
            var columnWidth = column.Count == 0 ? 0 : column.Max(l => l.Right) - columnLeft;
            PdfSegment? previous = null;
            foreach (var line in column)
            {
                // Lines of the header block are separate paragraphs (issuing body, "*", số hiệu); only
                // an entry that wrapped (full-width line, same left edge, no closing punctuation) continues.
                var continues = previous is not null
                    && previous.Right - previous.Left >= 0.8 * columnWidth
                    && Math.Abs(previous.Left - line.Left) < 1.5
                    && !EndsClause(previous.Text)
                    && !StructuralMarker.StartsWithMarker(line.Text);
                if (continues)
                {
                    this.paragraphs[^1].Text.Append(' ').Append(line.Text);
                }
                else
                {
                    this.paragraphs.Add((new StringBuilder(line.Text), page));
                }

                previous = line;
            }
        }

        // Whatever follows a block starts afresh.
        this.previousLine = null;
    }

    private static List<object> SplitIntoItems(PdfPageRows page)
    {
        var items = new List<object>();
        var rows = page.Rows;
        var middle = rows.Count == 0 ? 0 : (rows.Min(r => r.Left) + rows.Max(r => r.Right)) / 2;
        for (var i = 0; i < rows.Count; i++)
        {
            if (InterleavedBlock(rows, i, middle) is { } interleaved)
            {
                items.Add(interleaved.Block);
                i = interleaved.End;
                continue;
            }

            if (rows[i].Segments.Count < 2)
            {
                items.Add(new FlowLine(rows[i].Segments[0]));
                continue;
            }

            // The gutter of the side-by-side block; rows below that sit wholly on one side belong to it.
            var gutter = (rows[i].Segments[0].Right + rows[i].Segments[1].Left) / 2;
            var block = new ColumnBlock([], []);
            var end = i;
            for (var j = i; j < rows.Count; j++)
            {
                var row = rows[j];
                var wholeOnOneSide = row.Segments.Count == 1 && (row.Right < gutter || row.Left > gutter);
                var close = j == i || rows[j - 1].Baseline - row.Baseline < 6 * row.FontSize;
                if (!close || (row.Segments.Count < 2 && !wholeOnOneSide))
                {
                    break;
                }

                foreach (var segment in row.Segments)
                {
                    (segment.Left + segment.Right < 2 * gutter ? block.Left : block.Right).Add(segment);
                }

                end = j;
            }

            items.Add(block);
            i = end;
        }

        return items;
    }

    /// <summary>
    /// Two columns whose lines do not share baselines (LibreOffice sets Nơi nhận and the signature in
    /// table cells of their own spacing): from row <paramref name="start"/>, rows each wholly on one
    /// side of the middle, switching sides more than once. Null when the rows are not that.
    /// </summary>
    private static (ColumnBlock Block, int End)? InterleavedBlock(List<PdfRow> rows, int start, double middle)
    {
        static int Side(PdfRow row, double middle) => row.Segments.Count > 1 ? 0 : row.Right < middle ? -1 : row.Left > middle ? 1 : 0;

        var end = start - 1;
        var switches = 0;
        for (var j = start; j < rows.Count && Side(rows[j], middle) != 0; j++)
        {
            if (j > start && rows[j - 1].Baseline - rows[j].Baseline >= 6 * rows[j].FontSize)
            {
                break;
            }

            if (j > start && Side(rows[j], middle) != Side(rows[j - 1], middle))
            {
                switches++;
            }

            end = j;
        }

        if (switches < 2)
        {
            return null;
        }

        var block = new ColumnBlock([], []);
        for (var j = start; j <= end; j++)
        {
            (Side(rows[j], middle) < 0 ? block.Left : block.Right).Add(rows[j].Segments[0]);
        }

        return (block, end);
    }

    // A PDF line may end in a closing quote or bracket after the stop, or in an ellipsis.
    private static bool EndsSentence(string text) => text.TrimEnd('"', '”', '’', '\'', ')', '»', ' ') is var trimmed
        && (SentenceSplitter.EndsWithStop(trimmed) || trimmed.EndsWith('…'));

    private static bool EndsClause(string text) => EndsSentence(text) || text.TrimEnd().EndsWith(',');

    private static bool? IsAllCapitals(string text)
    {
        var letters = text.Where(char.IsLetter).ToArray();
        return letters.Length < 2 ? null : letters.All(char.IsUpper);
    }

    private sealed record FlowLine(PdfSegment Line);

    private sealed record ColumnBlock(List<PdfSegment> Left, List<PdfSegment> Right);
}
