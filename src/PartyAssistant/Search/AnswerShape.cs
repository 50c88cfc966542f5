using System.Text.RegularExpressions;

namespace PartyAssistant.Search;

/// <summary>Whether a passage holds the kind of fact a question asks for.</summary>
public static partial class AnswerShape
{
    public static bool Satisfies(ExpectedAnswer expected, string text) => expected switch
    {
        ExpectedAnswer.Time => DateOrYear().IsMatch(text),
        ExpectedAnswer.Quantity => Number().IsMatch(text),
        _ => true,
    };

    // "02/01/2020", "5/2025", "năm 2024", "tháng 6".
    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}/\d{4}\b|\b(năm|nam)\s+\d{4}\b|\b(tháng|thang)\s+\d{1,2}\b|\b(hằng|hàng|hang)\s+(năm|nam|tháng|thang|quý|quy)\b|\b\d+\s+(tháng|thang|năm|nam)\s+(một|mot)\s+lần\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateOrYear();

    [GeneratedRegex(@"\d")]
    private static partial Regex Number();
}
