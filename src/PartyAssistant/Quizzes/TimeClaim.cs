using System.Text.RegularExpressions;
using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Quizzes;

/// <summary>
/// When two times plainly disagree. Written the same way ("ngày 18/5/2021" and "ngày 12/6/2021",
/// "đến năm 2025" and "đến năm 2030"), any other value is another date or deadline. Written
/// differently, they disagree only when they share no year: "năm 2020" and "ngày 02/01/2020" are
/// both true of one date, and "đến năm 2025" covers "vào cuối năm 2022". An "as of" date never
/// disagrees: what was so in January 2026 was so in December 2025.
/// </summary>
internal static partial class TimeClaim
{
    public static bool Conflict(Fact answer, Fact wrong)
    {
        if (answer.IsStatusDate || wrong.IsStatusDate)
        {
            return false;
        }

        var a = VietnameseText.MatchKey(answer.Text);
        var w = VietnameseText.MatchKey(wrong.Text);
        if (Digits().Replace(a, "#") == Digits().Replace(w, "#"))
        {
            return Values(a) != Values(w);
        }

        return Years(a) is { } ya && Years(w) is { } yw && (ya.High < yw.Low || yw.High < ya.Low);
    }

    private static string Values(string key) => string.Join('/', Digits().Matches(key).Select(m => m.Value.TrimStart('0')));

    // The years a time can fall in: "trước/đến năm 2025" any year up to 2025, "từ/sau năm 2020" any from 2020.
    private static (int Low, int High)? Years(string key)
    {
        var years = Year().Matches(key).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (years.Count == 0)
        {
            return null;
        }

        var low = years.Min();
        var high = years.Max();
        if (UpTo().IsMatch(key))
        {
            low = int.MinValue;
        }

        if (From().IsMatch(key))
        {
            high = int.MaxValue;
        }

        return (low, high);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}(?!\d)")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(truoc|den|het|den het)\b")]
    private static partial Regex UpTo();

    [GeneratedRegex(@"^(sau|tu)\b")]
    private static partial Regex From();
}
