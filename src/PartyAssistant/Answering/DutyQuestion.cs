using System.Text.RegularExpressions;
using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Obligations;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>One duty to quote in an answer: the checklist item and the passage it was read from.</summary>
public sealed record DutyItem(Obligation Item, Passage Passage);

/// <summary>
/// "Đảng viên đang công tác phải làm gì ở nơi cư trú?": a question about a role's duties, answered
/// from that role's checklist rather than from whichever sentences share its words. The rest of
/// the question ("ở nơi cư trú") must be in each duty's sentence, heading or document title, so a
/// duty about something else is not listed; when no duty fits, the ordinary answer is given.
/// </summary>
public static partial class DutyQuestion
{
    // Words around the role and the duty phrase that say nothing about which duties are meant.
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "o", "tai", "trong", "khi", "thi", "cua", "nhung", "cac", "gi", "nao", "la", "va", "theo", "can", "phai", "co", "duoc", "minh",
    };

    /// <summary>The role whose duties the question asks for, or null when it is not such a question.</summary>
    public static Role? RoleAsked(string question)
    {
        var normalized = VietnameseText.Normalize(question);
        if (!Asks().IsMatch(VietnameseText.MatchKey(normalized)))
        {
            return null;
        }

        // The role the question is about is the first it names: "đảng viên … phải làm gì với chi bộ" asks about the member.
        var mentions = RoleLexicon.Find(normalized);
        return mentions.Count == 0 ? null : mentions[0].Role;
    }

    /// <summary>The duties that fit the rest of the question, in checklist order.</summary>
    public static IReadOnlyList<DutyItem> Fitting(string question, IReadOnlyList<DutyItem> duties, Func<string, string> titleOf)
    {
        var normalized = VietnameseText.Normalize(question);
        var folded = VietnameseText.Fold(normalized).ToLowerInvariant();
        var rest = folded.Length == normalized.Length ? RoleLexicon.Find(normalized)
            .OrderByDescending(m => m.Start)
            .Aggregate(folded, (text, m) => text.Remove(m.Start, m.Length).Insert(m.Start, " ")) : folded;
        var words = VietnameseText.MatchKey(Asks().Replace(VietnameseText.MatchKey(rest), " "))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Filler.Contains(w))
            .ToList();
        return duties
            .Where(d =>
            {
                var context = $" {VietnameseText.MatchKey($"{d.Item.Quote} {d.Passage.Heading} {titleOf(d.Item.DocumentId)}")} ";
                return words.All(w => context.Contains($" {w} ", StringComparison.Ordinal));
            })
            .ToList();
    }

    [GeneratedRegex(@"(^| )(phai lam gi|can lam gi|lam gi|co nhiem vu gi|nhiem vu gi|co trach nhiem gi|trach nhiem gi|co nghia vu gi|nghia vu gi|nhiem vu nao|trach nhiem nao)( |$)")]
    private static partial Regex Asks();
}
