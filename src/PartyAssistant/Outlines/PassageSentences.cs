using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Outlines;

/// <summary>
/// A passage's sentences as exact substrings of its text, so that each one passes the citation
/// check's quote rule. A lead-in ("… còn một số hạn chế:") stays with the sentence it introduces,
/// and list markers ("1.", "a)", "-") are left off the front.
/// </summary>
internal static partial class PassageSentences
{
    public static IReadOnlyList<string> Split(string text)
    {
        var spans = new List<(int Start, int End)>();
        var from = 0;
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var start = text.IndexOf(sentence, from, StringComparison.Ordinal);
            if (start < 0)
            {
                // The splitter only trims; should it ever change the text, quote nothing rather than something inexact.
                return [];
            }

            var end = start + sentence.Length;
            if (spans.Count > 0 && text[spans[^1].End - 1] == ':')
            {
                spans[^1] = (spans[^1].Start, end);
            }
            else
            {
                spans.Add((start, end));
            }

            from = end;
        }

        return spans.Select(s => StripMarker(text[s.Start..s.End])).Where(s => s.Length > 0).ToList();
    }

    private static string StripMarker(string sentence) => Marker().Replace(sentence, string.Empty, 1);

    [GeneratedRegex(@"^(\d{1,3}\.|[a-zđ]\)|[-•+*])\s+")]
    private static partial Regex Marker();
}
