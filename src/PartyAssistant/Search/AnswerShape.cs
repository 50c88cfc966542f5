using System.Text.RegularExpressions;
using PartyAssistant.Questions;

namespace PartyAssistant.Search;

/// <summary>Whether a passage holds the kind of fact a question asks for.</summary>
public static partial class AnswerShape
{
    /// <param name="matchText">The passage in match form (<see cref="Text.VietnameseText.MatchKey"/>), for definitions.</param>
    public static bool Satisfies(QuestionAnalysis question, string text, string matchText) => question.Expected switch
    {
        ExpectedAnswer.Time => DateOrYear().IsMatch(text),
        ExpectedAnswer.Quantity => Number().IsMatch(text),
        ExpectedAnswer.Definition => question.DefinedTerm is { } term && Defines(matchText, term),
        ExpectedAnswer.Status => StatusWords().IsMatch(text),
        ExpectedAnswer.Actor => Name().IsMatch(text),
        _ => true,
    };

    /// <summary>Capitalised names in a text: "Bộ Chính trị", "Lê Quốc Phong", "Ban Bí thư Trung ương" (two capitals in a row; at the start too).</summary>
    public static IEnumerable<string> Names(string text) => NameRun().Matches(text).Select(m => m.Value);

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

    // Two or more capitalised words in a row.
    [GeneratedRegex(@"\p{Lu}\p{Ll}*(\s+\p{Lu}\p{Ll}*)+")]
    private static partial Regex NameRun();

    [GeneratedRegex(@"\d")]
    private static partial Regex Number();
}
