using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// A question about how something is done — who, when, how often, in which steps, with which form —
/// typed with or without diacritics: "tổ chức sinh hoạt thế nào", "bao lâu một lần", "ai chủ trì".
/// Only whole question phrases count: "cách" alone is also "cách mạng", "cách chức", and "ai" is
/// a question word only where a who-question puts it.
/// </summary>
public static partial class ProceduralQuestion
{
    public static bool Matches(string question)
    {
        return How().IsMatch(VietnameseText.MatchKey(question)) || AsksWho(question);
    }

    /// <summary>Whether the question asks who acts: "ai" where a who-question puts it, not inside another word's reading.</summary>
    public static bool AsksWho(string question) =>
        Who().IsMatch(VietnameseText.MatchKey(question)) || WhoLast().IsMatch(VietnameseText.Fold(VietnameseText.Normalize(question)).ToLowerInvariant());

    [GeneratedRegex(@"(^| )(nhu the nao|the nao|lam gi|lam sao|cac buoc|buoc nao|quy trinh|thu tuc|cach lam|cach thuc|lam cach nao|bang cach nao|cach nao|khi nao|luc nao|bao lau|mau nao|bieu mau nao|theo mau)( |$)")]
    private static partial Regex How();

    // "Ai chủ trì …", "ai phụ trách", "ai có trách nhiệm", "do ai …", "… giao cho ai".
    [GeneratedRegex(@"(^| )(ai (chu tri|phu trach|co trach nhiem|chiu trach nhiem|thuc hien|to chuc|lam|nhan xet|danh gia|quyet dinh|ky|duoc giao|phai)|(do|cho|voi|cua) ai)( |$)|^ai ")]
    private static partial Regex Who();

    // "… là ai?", "… những ai?": the question word at the end of a question.
    [GeneratedRegex(@"(^|[\s,])ai\s*\?\s*$")]
    private static partial Regex WhoLast();
}
