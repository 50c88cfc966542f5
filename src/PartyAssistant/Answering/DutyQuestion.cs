using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Obligations;
using PartyAssistant.Questions;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>One duty to quote in an answer: the checklist item and the passage it was read from.</summary>
public sealed record DutyItem(Obligation Item, Passage Passage);

/// <summary>
/// "Đảng viên đang công tác phải làm gì ở nơi cư trú?": a question about a role's duties
/// (<see cref="QuestionAnalysis.RoleAsked"/>), answered from that role's checklist rather than from
/// whichever sentences share its words. The rest of the question's focus ("nơi cư trú") must be in
/// each duty's sentence, heading or document title, so a duty about something else is not listed;
/// when no duty fits, the ordinary answer is given.
/// </summary>
public static class DutyQuestion
{
    /// <summary>The duties that fit the rest of the question, those sharing most of its words first.</summary>
    public static IReadOnlyList<DutyItem> Fitting(QuestionAnalysis question, IReadOnlyList<DutyItem> duties, Func<string, string> titleOf)
    {
        // The focus without the words that name a role: "công tác" of "đảng viên đang công tác" says who, not which duty.
        var roleSpans = RoleLexicon.Find(question.SearchText);
        var words = question.Focus.FromCommonWords ? [] : question.Focus.Runs
            .SelectMany(r => r.Tokens.Where((_, i) => !r.IsOptional(i)))
            .Where(t => !roleSpans.Any(r => t.Start < r.Start + r.Length && r.Start < t.End))
            .ToList();
        // In checklist order, except that a duty whose passage shares more of the question's words comes first.
        var asked = TextTokens.Of(question.SearchText, !question.TypedWithoutDiacritics);
        return duties
            .Where(d =>
            {
                var context = new MatchText($"{d.Item.Quote}\n{d.Passage.Heading}\n{titleOf(d.Item.DocumentId)}");
                return words.All(context.Has);
            })
            .Select((d, i) => (Duty: d, Order: i, Shared: new MatchText(d.Passage.Text) is var text ? asked.Count(text.Has) : 0))
            .OrderByDescending(x => x.Shared).ThenBy(x => x.Order)
            .Select(x => x.Duty)
            .ToList();
    }
}
