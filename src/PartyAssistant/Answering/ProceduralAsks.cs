using System.Text.RegularExpressions;
using PartyAssistant.Facts;
using PartyAssistant.Obligations;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>The parts of a procedural question that each need their own answer: who acts, how often, with which form.</summary>
[Flags]
public enum Ask
{
    None = 0,
    Actor = 1,
    Frequency = 2,
    Form = 4,
}

/// <summary>
/// What a procedural question asks for and whether a sentence gives it. "Ai nhận xét đảng viên nơi
/// cư trú, bao lâu một lần, dùng mẫu nào" asks three things; a sentence that names the committee
/// answers the first, "mỗi năm một lần" the second, "Mẫu 3-213" the third. A part no cited
/// sentence answers is said to be unanswered, never guessed.
/// </summary>
public static partial class ProceduralAsks
{
    public static Ask Of(string question)
    {
        var key = VietnameseText.MatchKey(question);
        var asks = Ask.None;
        if (ProceduralQuestion.AsksWho(question))
        {
            asks |= Ask.Actor;
        }

        if (FrequencyQuestion().IsMatch(key))
        {
            asks |= Ask.Frequency;
        }

        if (FormQuestion().IsMatch(key))
        {
            asks |= Ask.Form;
        }

        return asks;
    }

    /// <summary>Whether <paramref name="sentence"/> gives <paramref name="ask"/>; an actor must be a role the question does not already name.</summary>
    public static bool Gives(Ask ask, string sentence, string question) => ask switch
    {
        Ask.Actor => RoleLexicon.Find(sentence).Select(m => m.Role.Id)
            .Except(RoleLexicon.Find(question).Select(m => m.Role.Id), StringComparer.Ordinal).Any(),
        Ask.Frequency => FactExtractor.Extract(VietnameseText.Normalize(sentence)).Any(f => f.Kind == FactKind.Frequency),
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

    [GeneratedRegex(@"(^| )(bao lau|may lan|bao nhieu lan|tan suat|dinh ky nhu the nao)( |$)")]
    private static partial Regex FrequencyQuestion();

    [GeneratedRegex(@"(^| )(mau nao|mau gi|bieu mau|phieu nao|dung mau|theo mau)( |$)")]
    private static partial Regex FormQuestion();

    // "Mẫu 3-213", "mẫu số 2", "biểu mẫu", "phiếu xin ý kiến".
    [GeneratedRegex(@"(^| )(mau \d|mau so|bieu mau|phieu)( |$)")]
    private static partial Regex FormMention();
}
