using System.Text.RegularExpressions;

namespace PartyAssistant.Text;

/// <summary>
/// Splits a passage into sentences: at . ! ? ; : followed by a space and a capital or digit. Every
/// sentence is an exact substring of the text (only trimmed), so a quote of one passes the
/// citation check's quote rule.
/// </summary>
public static partial class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string text) => Split(text, joinLeadIns: false);

    /// <summary>
    /// Whether the text ends where a sentence or clause may end (".", ":", ";", "!", "?"): what the
    /// readers of documents ask before joining a line or paragraph to the next one.
    /// </summary>
    public static bool EndsWithStop(string text) => text.TrimEnd() is { Length: > 0 } trimmed && trimmed[^1] is '.' or ':' or ';' or '!' or '?';

    /// <param name="text">The passage.</param>
    /// <param name="joinLeadIns">Keep a lead-in ("… còn một số hạn chế:") with the sentence it introduces, as one substring.</param>
    public static IReadOnlyList<string> Split(string text, bool joinLeadIns)
    {
        var spans = new List<(int Start, int End)>();
        var start = 0;
        foreach (Match boundary in Boundary().Matches(text))
        {
            Add(spans, text, start, boundary.Index + 1, joinLeadIns);
            start = boundary.Index + boundary.Length;
        }

        Add(spans, text, start, text.Length, joinLeadIns);
        return spans.Select(s => text[s.Start..s.End]).ToList();
    }

    private static void Add(List<(int Start, int End)> spans, string text, int start, int end, bool joinLeadIns)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end == start)
        {
            return;
        }

        if (joinLeadIns && spans.Count > 0 && text[spans[^1].End - 1] == ':')
        {
            spans[^1] = (spans[^1].Start, end);
        }
        else
        {
            spans.Add((start, end));
        }
    }

    // "…đạt trên 95%. Hàng năm…", "…khóm; đảng uỷ…" stays together (lower case after ';').
    [GeneratedRegex(@"(?<=[^\s.]{2})[.!?;:](?=\s+[\p{Lu}0-9""“(])\s+")]
    private static partial Regex Boundary();
}
