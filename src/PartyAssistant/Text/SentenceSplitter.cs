using System.Text.RegularExpressions;

namespace PartyAssistant.Text;

/// <summary>Splits a passage into sentences: at . ! ? ; followed by a space and a capital or digit.</summary>
public static partial class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (Match boundary in Boundary().Matches(text))
        {
            var end = boundary.Index + 1;
            Add(sentences, text[start..end]);
            start = boundary.Index + boundary.Length;
        }

        Add(sentences, text[start..]);
        return sentences;
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }

    // "…đạt trên 95%. Hàng năm…", "…khóm; đảng uỷ…" stays together (lower case after ';').
    [GeneratedRegex(@"(?<=[^\s.]{2})[.!?;:](?=\s+[\p{Lu}0-9""“(])\s+")]
    private static partial Regex Boundary();
}
