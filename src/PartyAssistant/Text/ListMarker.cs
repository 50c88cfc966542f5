using System.Text.RegularExpressions;

namespace PartyAssistant.Text;

/// <summary>
/// The marker in front of a list item: a khoản or item number ("1.", "1)", "2.3."), a điểm letter
/// ("a)", "đ)") or a bullet ("-", "–", "•", "+", "*"). Điểm letters are the Vietnamese ones,
/// a–e, g–i, k–v, x, y and đ, as <c>Corpus.BodyBlockReader</c> reads them (no f, j, w, z).
/// </summary>
public static partial class ListMarker
{
    /// <summary>The text without its leading marker and the space after it; unchanged when it has none.</summary>
    public static string Strip(string text) => Marker().Replace(text, string.Empty, 1);

    /// <summary>Whether the text starts with a number or điểm letter (not a bullet): a place in the document's own order.</summary>
    public static bool IsNumbered(string text) => Marker().Match(text) is { Success: true } m && !m.Groups["bullet"].Success;

    [GeneratedRegex(@"^\s*(\d{1,3}(\.\d{1,3})*[.)]|[a-eg-ik-vxyđ]\)|(?<bullet>[-–•+*]))\s+")]
    private static partial Regex Marker();
}
