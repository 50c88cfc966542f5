using System.Text.RegularExpressions;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Removes what the printer puts on every page rather than what the author wrote: running headers
/// and footers (the same line, digits aside, near the top or bottom of many pages) and page numbers.
/// Only the outermost rows of a page are candidates, so body text is never touched.
/// </summary>
internal static partial class PdfPageFurniture
{
    // The top and bottom tenth of a page hold the margins; body text starts below them.
    private const double BandFraction = 0.1;

    public static void Remove(IReadOnlyList<PdfPageRows> pages)
    {
        var occurrences = pages
            .SelectMany(p => CandidateRows(p).Select(r => (p.Number, Key: Key(r.Text))).Distinct())
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // On a short document a running header is on all pages but the first, so two pages suffice;
        // on a long one a line must recur on a good share of pages to count as furniture.
        var threshold = Math.Max(2, pages.Count / 4);
        bool IsFurniture(PdfRow row) => IsPageNumber(row.Text) || occurrences.GetValueOrDefault(Key(row.Text)) >= threshold;

        foreach (var page in pages)
        {
            var top = page.Height * (1 - BandFraction);
            while (page.Rows.Count > 0 && page.Rows[0].Baseline >= top && IsFurniture(page.Rows[0]))
            {
                page.Rows.RemoveAt(0);
            }

            var bottom = page.Height * BandFraction;
            while (page.Rows.Count > 0 && page.Rows[^1].Baseline <= bottom && IsFurniture(page.Rows[^1]))
            {
                page.Rows.RemoveAt(page.Rows.Count - 1);
            }
        }
    }

    /// <summary>"3", "- 3 -", "Trang 3", "Trang 3/10", "3/10", "Page 3 of 10".</summary>
    public static bool IsPageNumber(string text) => PageNumberPattern().IsMatch(text.Trim());

    private static IEnumerable<PdfRow> CandidateRows(PdfPageRows page)
    {
        var top = page.Height * (1 - BandFraction);
        var bottom = page.Height * BandFraction;
        return page.Rows.Take(3).Where(r => r.Baseline >= top)
            .Concat(page.Rows.TakeLast(3).Where(r => r.Baseline <= bottom));
    }

    private static string Key(string text) => DigitsPattern().Replace(text.Trim(), "#");

    [GeneratedRegex(@"^(?:[-–—]\s*)?(?:(?:Trang|Page|Tr\.)\s*)?\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?(?:\s*[-–—])?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumberPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsPattern();
}
