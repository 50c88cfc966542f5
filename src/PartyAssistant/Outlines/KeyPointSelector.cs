using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Obligations;
using PartyAssistant.Text;

namespace PartyAssistant.Outlines;

/// <summary>
/// Picks what a trainer reads out from a passage: its first sentence (what the item is about),
/// then up to two more that carry a figure, a deadline, a set term or a duty ("phải", "bảo đảm"),
/// the most informative first, and every sentence that names a shortcoming (shortcoming-cues.txt). Sentences are quoted word for word, in document order.
/// </summary>
internal static class KeyPointSelector
{
    public const int MaxExtraPerPassage = 2;

    /// <summary>A sentence scoring at least this much is worth reading out beside the first.</summary>
    private const int ExtraThreshold = 3;

    public static IReadOnlyList<KeyPoint> Select(Passage passage)
    {
        // A heading stored as a passage, and a heading-like line without a final stop, state nothing to read out.
        var sentences = PassageHeadings.RepeatsHeading(passage)
            ? []
            : Statements(passage.Text).ToList();
        if (sentences.Count == 0)
        {
            return [];
        }

        var source = new OutlineCitation(passage.Label, passage.Id);
        var extras = sentences.Select((s, i) => (Sentence: s, Index: i, Score: Score(s)))
            .Skip(1)
            .Where(s => s.Score >= ExtraThreshold)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Index)
            .Take(MaxExtraPerPassage)
            .Select(s => s.Index);
        // Every shortcoming an assessment names is read out ("… còn hình thức", "… lúng túng"), not only the first.
        var shortcomings = sentences.Select((s, i) => (Sentence: s, Index: i)).Skip(1).Where(s => Shortcomings.Stated(s.Sentence)).Select(s => s.Index);
        return new[] { 0 }.Concat(extras).Union(shortcomings).Order()
            .Select(i => new KeyPoint(sentences[i], source))
            .ToList();
    }

    /// <summary>A passage's statements, each an exact substring of its text without its list marker ("1.", "a)", "-").</summary>
    public static IEnumerable<string> Statements(string text) =>
        SentenceSplitter.Split(text, joinLeadIns: true).Select(ListMarker.Strip).Where(s => s.Length > 0 && IsStatement(s));

    /// <summary>
    /// A finished sentence (".", "!", "?"), or a lead-in ending with ":" that introduces the points
    /// after it ("Đảng viên phải thực hiện các việc sau:"); not a heading or a piece cut at ";".
    /// </summary>
    public static bool IsStatement(string sentence) => PassageHeadings.EndsSentence(sentence) || sentence.TrimEnd().EndsWith(':');

    /// <summary>Figures and deadlines weigh most: they are what members are asked about afterwards.</summary>
    public static int Score(string sentence)
    {
        var score = 0;
        foreach (var fact in FactExtractor.Extract(sentence))
        {
            score += fact.Kind switch
            {
                FactKind.Percent or FactKind.Quantity or FactKind.Time => 3,
                FactKind.Frequency or FactKind.QuotedTerm => 2,
                FactKind.Document => 1,
                _ => 0,
            };
        }

        if (Directive.StatesDuty(VietnameseText.Normalize(sentence)))
        {
            score += 1;
        }

        return score;
    }
}
