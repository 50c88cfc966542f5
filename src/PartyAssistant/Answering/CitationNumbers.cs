using System.Text.RegularExpressions;

namespace PartyAssistant.Answering;

/// <summary>
/// Numbers an answer's citations [1], [2], … in the order the answer first cites them, and the
/// passages with them: a reader meets [1] first and finds no gap, whichever passages the search
/// happened to rank first. Passages the answer does not cite follow the cited ones.
/// </summary>
public static partial class CitationNumbers
{
    /// <summary>The text and passages renumbered, and the checked citations carried over to the new numbers.</summary>
    public static (string Text, SuppliedPassages Passages, IReadOnlyList<Citation> Citations) Renumber(string text, SuppliedPassages passages, IReadOnlyList<Citation> citations)
    {
        var (renumbered, numbered, map) = Renumber(text, passages);
        return (renumbered, numbered, citations.Select(c => c with { N = map.GetValueOrDefault(c.N, c.N) }).OrderBy(c => c.N).ToList());
    }

    private static (string Text, SuppliedPassages Passages, IReadOnlyDictionary<int, int> Map) Renumber(string text, SuppliedPassages passages)
    {
        var order = CitationChecker.Markers(text).Distinct().Where(n => passages[n] is not null).ToList();
        order.AddRange(Enumerable.Range(1, passages.Count).Except(order));
        var renumbered = order.Select((old, i) => (Old: old, New: i + 1)).ToDictionary(p => p.Old, p => p.New);
        if (renumbered.All(p => p.Key == p.Value))
        {
            return (text, passages, renumbered);
        }

        var rewritten = Marker().Replace(text, m => "[" + string.Join(", ", CitationChecker.Markers(m.Value).Select(n => renumbered.GetValueOrDefault(n, n))) + "]");

        // The sources block lists the passages in number order: after renumbering, its lines are put back in that order.
        var at = rewritten.IndexOf($"\n{SourceList.Heading}\n", StringComparison.Ordinal);
        if (at >= 0)
        {
            var head = rewritten[..(at + SourceList.Heading.Length + 2)];
            var lines = rewritten[(at + SourceList.Heading.Length + 2)..].Split('\n');
            rewritten = head + string.Join('\n', lines.OrderBy(l => CitationChecker.Markers(l).FirstOrDefault()));
        }

        var hits = order.Select((old, i) => passages[old]! with { Rank = i + 1 }).ToList();
        return (rewritten, new SuppliedPassages(hits, passages.Rarity) { Evidence = passages.Evidence, Duties = passages.Duties }, renumbered);
    }

    /// <summary>
    /// An answer cut short (<see cref="AnswerLength"/>): numbered again from [1] in the order what is left cites
    /// them, with its citations and passages; passages no longer cited follow the cited ones.
    /// </summary>
    public static GroundedAnswer RenumberCut(GroundedAnswer answer)
    {
        var order = CitationChecker.Markers(answer.Answer).Distinct().ToList();
        var map = order.Select((old, i) => (Old: old, New: i + 1)).ToDictionary(p => p.Old, p => p.New);
        if (map.All(p => p.Key == p.Value))
        {
            return answer;
        }

        var text = Marker().Replace(answer.Answer, m => "[" + string.Join(", ", CitationChecker.Markers(m.Value).Select(n => map.GetValueOrDefault(n, n))) + "]");
        var cited = answer.Passages.Where(p => map.ContainsKey(p.Rank)).Select(p => p with { Rank = map[p.Rank] }).OrderBy(p => p.Rank);
        var rest = answer.Passages.Where(p => !map.ContainsKey(p.Rank));
        return answer with
        {
            Answer = text,
            Citations = answer.Citations.Select(c => c with { N = map.GetValueOrDefault(c.N, c.N) }).OrderBy(c => c.N).ToList(),
            Passages = cited.Concat(rest).Select((p, i) => p with { Rank = i + 1 }).ToList(),
        };
    }

    [GeneratedRegex(@"\[[0-9]{1,3}(\s*[,;]\s*[0-9]{1,3})*\]")]
    private static partial Regex Marker();
}
