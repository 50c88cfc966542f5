using System.Text.RegularExpressions;

namespace PartyAssistant.Search;

/// <summary>Whether a passage holds the kind of fact a question asks for.</summary>
public static partial class AnswerShape
{
    /// <param name="matchText">The passage in match form (<see cref="Text.VietnameseText.MatchKey"/>), for definitions.</param>
    public static bool Satisfies(AnalyzedQuestion question, string text, string matchText) => question.Expected switch
    {
        ExpectedAnswer.Time => DateOrYear().IsMatch(text),
        ExpectedAnswer.Quantity => Number().IsMatch(text),
        ExpectedAnswer.Definition => question.DefinedTerm is { } term && Defines(matchText, term),
        ExpectedAnswer.Status => StatusWords().IsMatch(text),
        ExpectedAnswer.Actor => Name().IsMatch(text),
        _ => true,
    };

    // "phòng vệ chính đáng là hành vi…": the term followed by "là" starts a definition.
    private static bool Defines(string matchText, string term)
    {
        var needle = term + " la ";
        var at = matchText.IndexOf(needle, StringComparison.Ordinal);
        return at == 0 || (at > 0 && matchText[at - 1] == ' ');
    }

    // "02/01/2020", "5/2025", "năm 2024", "tháng 6".
    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}/\d{4}\b|\b(năm|nam)\s+\d{4}\b|\b(tháng|thang)\s+\d{1,2}\b|\b(hằng|hàng|hang)\s+(năm|nam|tháng|thang|quý|quy)\b|\b\d+\s+(tháng|thang|năm|nam)\s+(một|mot)\s+lần\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateOrYear();

    [GeneratedRegex(@"thay thế|hiệu lực|bãi bỏ|được áp dụng|còn áp dụng", RegexOptions.IgnoreCase)]
    private static partial Regex StatusWords();

    // Two capitalised words after the start of the text: "Lê Quốc Phong", "Ban Tổ chức", "Bộ Chính trị".
    [GeneratedRegex(@"(?<=\S\s+)\p{Lu}\p{Ll}*\s+\p{Lu}")]
    private static partial Regex Name();

    [GeneratedRegex(@"\d")]
    private static partial Regex Number();
}
