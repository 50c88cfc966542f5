using PartyAssistant.Text;

namespace PartyAssistant.Facts;

/// <summary>
/// The deadlines and frequencies a sentence sets, as written: its <see cref="Fact.IsSchedule"/> facts, and the
/// deadlines it sets by a length of time ("chậm nhất 03 ngày trước kỳ sinh hoạt", deadline-cues.txt), each once.
/// </summary>
public static class Deadlines
{
    private const int MaxEventTokens = 8;

    private static readonly Lazy<PhraseSet<bool>> Cues = new(() => new PhraseSet<bool>(
        WordLists.Rows(WordLists.DeadlineCues).Select(r => (r[0], r.Length > 1 && r[1] == "lead"))));

    public static IReadOnlyList<string> In(string sentence)
    {
        var normalized = VietnameseText.Normalize(sentence);
        var facts = FactExtractor.Extract(normalized);
        var relative = Relative(normalized, facts);
        var kept = new List<string>();
        foreach (var (text, start, end) in facts.Where(f => f.IsSchedule).Select(f => (f.Text, f.Start, f.End)).Concat(relative).OrderBy(s => s.Start))
        {
            // A date inside a relative deadline ("chậm nhất 10 ngày trước ngày 15/12/2026") is said by it.
            var inside = relative.Any(r => r.Start <= start && end <= r.End && (r.Start, r.End) != (start, end));
            if (!inside && !kept.Any(k => VietnameseText.MatchKey(k) == VietnameseText.MatchKey(text)))
            {
                kept.Add(text);
            }
        }

        return kept;
    }

    /// <summary>A length of time ("03 ngày") with a cue before it ("chậm nhất") or after it tying it to an event ("trước kỳ sinh hoạt").</summary>
    private static List<(string Text, int Start, int End)> Relative(string normalized, IReadOnlyList<Fact> facts)
    {
        var found = new List<(string, int, int)>();
        var durations = facts.Where(f => f.IsDuration).ToList();
        if (durations.Count == 0)
        {
            return found;
        }

        var tokens = TextTokens.Of(normalized);
        var cues = Cues.Value.FindEvery(tokens);
        foreach (var duration in durations)
        {
            var first = IndexAt(tokens, duration.Start);
            var last = IndexAt(tokens, duration.End - 1);
            if (first < 0 || last < 0)
            {
                continue;
            }

            var lead = cues.Where(c => c.Value && c.End == first).MaxBy(c => c.Count);
            var link = last + 1 < tokens.Count ? cues.Where(c => !c.Value && c.Index == last + 1).MaxBy(c => c.Count) : null;
            if (lead is null && link is null)
            {
                continue;
            }

            var start = lead is null ? duration.Start : tokens[lead.Index].Start;
            var end = link is null ? duration.End : EventEnd(normalized, tokens, link.End);
            found.Add((normalized[start..end], start, end));
        }

        return found;
    }

    /// <summary>Where the event a deadline counts from ends: at the clause's end, or after a few words.</summary>
    private static int EventEnd(string text, IReadOnlyList<TextToken> tokens, int from)
    {
        var end = tokens[from - 1].End;
        for (var i = from; i < tokens.Count && i < from + MaxEventTokens; i++)
        {
            if (text[end..tokens[i].Start].Any(c => c is ',' or ';' or '.' or ':' or '(' or ')'))
            {
                break;
            }

            end = tokens[i].End;
        }

        return end;
    }

    private static int IndexAt(IReadOnlyList<TextToken> tokens, int position)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Start <= position && position < tokens[i].End)
            {
                return i;
            }
        }

        return -1;
    }
}
