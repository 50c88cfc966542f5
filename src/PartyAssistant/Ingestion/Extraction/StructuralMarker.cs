using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Recognises the start of a structural unit of a Vietnamese Party or State document (Chương, Mục,
/// Điều, khoản "1.", điểm "a)", dashes and bullets, Roman headings, "Nơi nhận"), which always begins
/// a new paragraph in layouts that lost their paragraph boundaries (PDF lines, hard-wrapped text).
/// </summary>
internal static partial class StructuralMarker
{
    public static bool StartsWithMarker(string line) => ListMarker.Strip(line).Length != line.Length || DivisionPattern().IsMatch(line);

    /// <summary>A heading that stands alone on its line ("Chương II", "Mục 3"), so its title follows on the next line.</summary>
    public static bool IsBareDivisionHeading(string line) => BareDivisionPattern().IsMatch(line);

    // Khoản, điểm and bullets are ListMarker's; these are the divisions, Roman parts and Nơi nhận.
    [GeneratedRegex(
        @"^(?:(?:Phần|Chương|Mục)\s+[0-9IVXLCDM]+\b|Điều\s+\d+[a-zđ]?\s*[.:]|[IVXLC]{1,6}[.\-]\s?\S|Nơi\s+nhận\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex DivisionPattern();

    [GeneratedRegex(@"^(?:Phần|Chương|Mục)\s+[0-9IVXLCDM]+\.?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BareDivisionPattern();
}
