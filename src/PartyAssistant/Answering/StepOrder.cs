using System.Text.RegularExpressions;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// Whether directives the answer lists are steps in an order the text itself gives, so that they
/// may be numbered as "các bước". A list of measures in one bullet or paragraph is not a
/// procedure: numbering it would claim an order (and a single actor) the document never states.
/// </summary>
public static partial class StepOrder
{
    /// <param name="steps">Each step's sentence as the passage has it (item number included) and the passage it comes from.</param>
    public static bool IsOrdered(IReadOnlyList<(string Sentence, SearchHit Passage)> steps)
    {
        if (steps.Any(s => Sequence().IsMatch(VietnameseText.MatchKey(s.Sentence))))
        {
            return true;
        }

        // Numbered khoản or điểm, each step from one of them and at least two of them: the document's own sequence.
        return steps.All(s => NumberedItem().IsMatch(s.Passage.Label) || ListMarker.IsNumbered(s.Sentence))
            && steps.Select(s => s.Passage.PassageId).Distinct(StringComparer.Ordinal).Count() >= 2;
    }

    /// <summary>Whether the passage is a numbered khoản or điểm: one place in a sequence the document itself numbers.</summary>
    public static bool IsNumberedStep(SearchHit passage) => NumberedItem().IsMatch(passage.Label);

    [GeneratedRegex(@"(^| )(buoc \d+|buoc (mot|hai|ba|bon|nam|tiep theo|cuoi)|sau khi|truoc khi|tiep do|sau do|tiep theo|cuoi cung|dau tien)( |$)")]
    private static partial Regex Sequence();

    // "Điều 2, khoản 3", "Mục III, điểm 5", "Điều 4, khoản 1, điểm a" — not "ý" (a bullet) or "đoạn" (a paragraph).
    [GeneratedRegex(@", (khoản|điểm) [0-9a-zđ]+$")]
    private static partial Regex NumberedItem();
}
