using PartyAssistant.Text;

namespace PartyAssistant.Corpus;

/// <summary>
/// Cuts passages longer than <see cref="MaxChars"/> at sentence ends, so that no passage can make
/// search, answers or replies unbounded (a 50 MB paragraph once gave a 77-million-character answer).
/// A passage within the cap keeps its id, label and text; a longer one keeps its id for its first
/// piece and gives the others "ID.tiep-2", "ID.tiep-3" with "(tiếp, 2/3)" in the label.
/// </summary>
/// <remarks>
/// Every piece is an exact substring of the passage, so quoting a piece still passes the citation check.
/// A sentence longer than the cap is cut between words, and a run without spaces at the cap.
/// </remarks>
public static class PassageSplitter
{
    /// <summary>
    /// Three to four times the longest passage of the shipped corpus (1,745). A constant, not a
    /// setting: the ids of the pieces depend on it and must mean the same text everywhere.
    /// </summary>
    public const int MaxChars = 4_000;

    public static IReadOnlyList<Passage> Split(IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        if (passages.All(p => p.Text.Length <= MaxChars))
        {
            return passages;
        }

        var used = passages.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var result = new List<Passage>(passages.Count);
        foreach (var passage in passages)
        {
            if (passage.Text.Length <= MaxChars)
            {
                result.Add(passage with { Order = result.Count });
                continue;
            }

            var pieces = Pieces(passage.Text, MaxChars);
            for (var i = 0; i < pieces.Count; i++)
            {
                result.Add(passage with
                {
                    Id = i == 0 ? passage.Id : Unique($"{passage.Id}.tiep-{i + 1}", used),
                    Label = i == 0 ? passage.Label : $"{passage.Label} (tiếp, {i + 1}/{pieces.Count})",
                    Text = pieces[i],
                    Order = result.Count,
                });
            }
        }

        return result;
    }

    /// <summary>The text in pieces of at most <paramref name="max"/> characters, cut at sentence ends where it can be.</summary>
    public static IReadOnlyList<string> Pieces(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        var pieces = new List<string>();
        int start = -1, end = -1;
        foreach (var (sentenceStart, sentenceEnd) in SentenceSpans(text))
        {
            if (start >= 0 && sentenceEnd - start <= max)
            {
                end = sentenceEnd;
                continue;
            }

            if (start >= 0)
            {
                pieces.Add(text[start..end]);
            }

            start = sentenceStart;
            end = sentenceEnd;
            while (end - start > max)
            {
                var cut = CutWithin(text, start, max);
                pieces.Add(text[start..cut].TrimEnd());
                start = cut;
                while (start < end && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }
            }
        }

        if (start >= 0 && end > start)
        {
            pieces.Add(text[start..end]);
        }

        return pieces;
    }

    /// <summary>Where each sentence starts and ends in <paramref name="text"/>; the splitter returns the sentences as exact substrings, in order.</summary>
    private static IEnumerable<(int Start, int End)> SentenceSpans(string text)
    {
        var cursor = 0;
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var at = text.IndexOf(sentence, cursor, StringComparison.Ordinal);
            cursor = at + sentence.Length;
            yield return (at, cursor);
        }
    }

    /// <summary>The end of a piece starting at <paramref name="start"/>: the last space within <paramref name="max"/> characters, or the cap itself.</summary>
    private static int CutWithin(string text, int start, int max)
    {
        var limit = start + max;
        var space = text.LastIndexOf(' ', limit, max);
        if (space > start)
        {
            return space;
        }

        // No space at all: cut at the cap, but never between the halves of a surrogate pair.
        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }

    private static string Unique(string id, HashSet<string> used)
    {
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }
}
