namespace PartyAssistant.Facts;

/// <summary>
/// The deadlines and frequencies a sentence sets, as written: the schedule facts without the
/// dates that only identify a cited document ("Quy định số 213-QĐ/TW ngày 02/01/2020").
/// </summary>
public static class Deadlines
{
    public static IReadOnlyList<string> In(string sentence)
    {
        var normalized = Text.VietnameseText.Normalize(sentence);
        var facts = FactExtractor.Extract(normalized);
        var kept = new List<string>();
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            if (fact.Kind is not (FactKind.Time or FactKind.Frequency))
            {
                continue;
            }

            if (!fact.DatesDocument && !kept.Any(k => Text.VietnameseText.MatchKey(k) == Text.VietnameseText.MatchKey(fact.Text)))
            {
                kept.Add(fact.Text);
            }
        }

        return kept;
    }
}
