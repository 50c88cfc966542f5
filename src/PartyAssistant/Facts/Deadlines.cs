namespace PartyAssistant.Facts;

/// <summary>
/// The deadlines and frequencies a sentence sets, as written: its <see cref="Fact.IsSchedule"/> facts, each once.
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
            if (fact.IsSchedule && !kept.Any(k => Text.VietnameseText.MatchKey(k) == Text.VietnameseText.MatchKey(fact.Text)))
            {
                kept.Add(fact.Text);
            }
        }

        return kept;
    }
}
