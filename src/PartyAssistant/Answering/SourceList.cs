using System.Text;
using PartyAssistant.Search;

namespace PartyAssistant.Answering;

/// <summary>
/// The "Nguồn:" block under every answer: each cited passage's label, whether it is a summary or
/// from a replaced document, and the quoted text a reader can look up. A passage the answer
/// quotes more than once shows every sentence used, so each line of the answer can be checked here.
/// </summary>
public static class SourceList
{
    public const string Heading = "Nguồn:";

    /// <summary>After a passage of a document read from a scan: OCR may have misread a word.</summary>
    public const string ScanMark = "(văn bản nhận dạng từ bản quét)";

    public static string Format(IEnumerable<(int N, SearchHit Hit, string Quote)> sources)
    {
        var sb = new StringBuilder(Heading).Append('\n');
        foreach (var group in sources.GroupBy(s => s.N).OrderBy(g => g.Key))
        {
            var (n, hit, _) = group.First();
            var quotes = group.Select(s => s.Quote).Distinct(StringComparer.Ordinal);
            sb.Append('[').Append(n).Append("] ").Append(hit.Label);
            if (hit.FromSummary)
            {
                sb.Append(" (theo bản tóm tắt, không phải nguyên văn)");
            }

            if (hit.FromScan)
            {
                sb.Append(' ').Append(ScanMark);
            }

            if (hit.ReplacedWarning is not null)
            {
                sb.Append(" ⚠ Văn bản ").Append(hit.ReplacedWarning).Append('.');
            }

            sb.Append(" — ").Append(string.Join(" … ", quotes.Select(q => $"“{q}”"))).Append('\n');
        }

        return sb.ToString().TrimEnd();
    }
}
