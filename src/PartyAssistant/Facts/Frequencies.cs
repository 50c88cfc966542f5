using System.Globalization;
using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Facts;

/// <summary>
/// How many times a year a frequency means, so that two wordings of one rhythm are seen as one:
/// "hằng năm", "hàng năm", "mỗi năm một lần" and "định kỳ hằng năm" are all once a year, "6 tháng
/// một lần" is "2 lần mỗi năm". "Định kỳ", "thường xuyên" and "đột xuất" say no rhythm at all: they
/// are true of almost any schedule, so they are neither asked nor offered as a wrong answer.
/// </summary>
public static partial class Frequencies
{
    /// <summary>Times a year, or null for a vague frequency (or one not understood, which is treated the same).</summary>
    public static double? PerYear(string frequency)
    {
        var key = VietnameseText.MatchKey(frequency);
        if (Every().Match(key) is { Success: true } every)
        {
            return UnitsPerYear(every.Groups["unit"].Value);
        }

        if (OnceIn().Match(key) is { Success: true } onceIn)
        {
            return UnitsPerYear(onceIn.Groups["unit"].Value) / Number(onceIn.Groups["n"].Value);
        }

        if (TimesIn().Match(key) is { Success: true } timesIn)
        {
            return Number(timesIn.Groups["k"].Value) * UnitsPerYear(timesIn.Groups["unit"].Value);
        }

        if (EveryTimes().Match(key) is { Success: true } everyTimes)
        {
            return Number(everyTimes.Groups["k"].Value) * UnitsPerYear(everyTimes.Groups["unit"].Value);
        }

        return null;
    }

    /// <summary>A frequency that names a rhythm ("hằng năm", "6 tháng một lần"), not "định kỳ" or "thường xuyên".</summary>
    public static bool IsConcrete(string frequency) => PerYear(frequency) is not null;

    /// <summary>Two frequencies that state the same rhythm, or either of which is vague (so neither is clearly wrong).</summary>
    public static bool MayAgree(string a, string b) =>
        PerYear(a) is not { } x || PerYear(b) is not { } y || Math.Abs(x - y) < 0.001;

    private static double UnitsPerYear(string unit) => unit switch
    {
        "nam" => 1,
        "quy" => 4,
        "thang" => 12,
        "tuan" => 52,
        _ => 365,
    };

    private static double Number(string n) => n switch
    {
        "mot" => 1,
        "hai" => 2,
        "ba" => 3,
        _ => double.Parse(n, CultureInfo.InvariantCulture),
    };

    // "hằng năm", "định kỳ hằng quý", "mỗi năm", "mỗi năm một lần".
    [GeneratedRegex(@"^(dinh ky )?(hang|moi) (?<unit>nam|quy|thang|tuan|ngay)( (mot|1) lan)?$")]
    private static partial Regex Every();

    // "6 tháng một lần".
    [GeneratedRegex(@"^(?<n>\d+|mot|hai|ba) (?<unit>nam|quy|thang|tuan) (mot|1) lan$")]
    private static partial Regex OnceIn();

    // "2 lần mỗi năm", "hai lần trong năm", "một lần một quý".
    [GeneratedRegex(@"^(?<k>\d+|mot|hai|ba) lan (mot|moi|trong) (?<unit>nam|quy|thang)$")]
    private static partial Regex TimesIn();

    // "mỗi năm hai lần".
    [GeneratedRegex(@"^moi (?<unit>nam|quy|thang|tuan) (?<k>\d+|mot|hai|ba) lan$")]
    private static partial Regex EveryTimes();
}
