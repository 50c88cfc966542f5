using System.Text.RegularExpressions;
using PartyAssistant.Facts;
using PartyAssistant.Questions;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// Whether a sentence gives a part of a procedural question. "Ai nhận xét đảng viên nơi cư trú, bao
/// lâu một lần, dùng mẫu nào" asks three things (<see cref="QuestionAnalysis.Asks"/>); a sentence
/// that names the committee answers the first, "mỗi năm một lần" the second, "Mẫu 3-213" the third.
/// A part no cited sentence answers is said to be unanswered, never guessed.
/// </summary>
public static partial class ProceduralAsks
{
    /// <summary>The parts asked, one flag each, in the order they are answered.</summary>
    public static IEnumerable<Ask> Parts(Ask asks) => new[] { Ask.Actor, Ask.Frequency, Ask.Form }.Where(a => asks.HasFlag(a));

    /// <summary>
    /// Whether <paramref name="sentence"/> gives <paramref name="ask"/>; an actor must be a role or a named
    /// body or person ("Bộ Chính trị", "Trần Quốc Vượng") the question does not already name.
    /// </summary>
    public static bool Gives(Ask ask, string sentence, QuestionAnalysis question) => ask switch
    {
        Ask.Actor => SentenceReading.Of(sentence).Roles.Select(m => m.Role.Id).Except(question.Roles.Select(r => r.Id), StringComparer.Ordinal).Any() ||
            AnswerShape.Names(sentence).Any(n => !$" {VietnameseText.MatchKey(question.SearchText)} ".Contains($" {VietnameseText.MatchKey(n)} ", StringComparison.Ordinal)),
        Ask.Frequency => SentenceReading.Of(sentence).Facts.Any(f => f.Kind == FactKind.Frequency),
        Ask.Form => FormMention().IsMatch(VietnameseText.MatchKey(sentence)),
        _ => false,
    };

    /// <summary>"Các văn bản đã nạp không nêu rõ …" for the parts no cited sentence gives; null when all are given.</summary>
    public static string? Unanswered(Ask missing)
    {
        var parts = new List<string>();
        if (missing.HasFlag(Ask.Actor))
        {
            parts.Add("ai thực hiện");
        }

        if (missing.HasFlag(Ask.Frequency))
        {
            parts.Add("bao lâu một lần");
        }

        if (missing.HasFlag(Ask.Form))
        {
            parts.Add("dùng mẫu nào");
        }

        return parts.Count == 0 ? null : $"Các đoạn văn bản tìm được không nêu rõ: {string.Join("; ", parts)}.";
    }

    // "Mẫu 3-213", "mẫu số 2", "biểu mẫu", "phiếu xin ý kiến".
    [GeneratedRegex(@"(^| )(mau \d|mau so|bieu mau|phieu)( |$)")]
    private static partial Regex FormMention();
}
