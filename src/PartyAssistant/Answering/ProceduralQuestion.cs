using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// A question about how something is done — who, when, how often, in which steps, with which form —
/// typed with or without diacritics: "tổ chức sinh hoạt thế nào", "bao lâu một lần", "ai chủ trì".
/// </summary>
public static partial class ProceduralQuestion
{
    public static bool Matches(string question) => Pattern().IsMatch(VietnameseText.MatchKey(question));

    [GeneratedRegex(@"(^| )(nhu the nao|the nao|lam gi|lam sao|cac buoc|buoc nao|quy trinh|thu tuc|cach|cach thuc|ai|khi nao|luc nao|bao lau|bao lau mot lan|mau nao|bieu mau)( |$)")]
    private static partial Regex Pattern();
}
