using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>The outcome of checking an answer's citations: the citations when it passes, the reason when it does not.</summary>
public sealed record CitationCheck(bool Passed, IReadOnlyList<Citation> Citations, string? Problem)
{
    public static CitationCheck Fail(string problem) => new(false, [], problem);
}

/// <summary>
/// Runs on every answer before it leaves: each [n] must point at a supplied passage, each quoted
/// span must be text of a passage its sentence cites, and an answer must cite at least once.
/// </summary>
public static partial class CitationChecker
{
    public static CitationCheck Check(string answer, SuppliedPassages passages)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return CitationCheck.Fail("câu trả lời trống");
        }

        if (MarkerLike().Matches(answer).FirstOrDefault(m => !Marker().IsMatch(m.Value)) is { } malformed)
        {
            return CitationCheck.Fail($"trích dẫn {malformed.Value} không đúng dạng [n]");
        }

        var quotesByNumber = new Dictionary<int, string>();
        var sentencesByNumber = new Dictionary<int, string>();
        var lines = answer.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines)
        {
            foreach (var sentence in SentenceSplitter.Split(line))
            {
                foreach (var n in Markers(sentence))
                {
                    if (passages[n] is null)
                    {
                        return CitationCheck.Fail($"trích dẫn [{n}] không trỏ tới đoạn nào (chỉ có {passages.Count} đoạn)");
                    }

                    sentencesByNumber.TryAdd(n, sentence);
                }
            }

            // Quotes are checked against the passages cited on their line: a quote may span sentences.
            var numbers = Markers(line).ToList();
            foreach (Match quote in Quote().Matches(line))
            {
                var span = quote.Groups["q"].Value;
                var owner = numbers.FirstOrDefault(n => passages[n] is { } hit && Contains(hit.Text, span));
                if (owner == 0)
                {
                    return CitationCheck.Fail($"đoạn trích \"{Shorten(span)}\" không có nguyên văn trong đoạn được dẫn");
                }

                quotesByNumber.TryAdd(owner, span);
            }
        }

        if (sentencesByNumber.Count == 0)
        {
            return CitationCheck.Fail("câu trả lời không có trích dẫn nào");
        }

        var citations = sentencesByNumber.Keys.Order()
            .Select(n =>
            {
                var hit = passages[n]!;
                var quote = quotesByNumber.TryGetValue(n, out var q) ? q : ClosestSentence(hit.Text, sentencesByNumber[n]);
                return new Citation(n, hit.PassageId, hit.Label, quote, hit.FromSummary);
            })
            .ToList();
        return new CitationCheck(true, citations, null);
    }

    /// <summary>
    /// Whether a quote is text of the passage word for word: case, tone placement (hoà/hòa),
    /// punctuation and spacing may differ; letters and marks may not ("mới" is not "mỗi").
    /// </summary>
    public static bool Contains(string passage, string quote)
    {
        var key = ExactKey(quote);
        return key.Length > 0 && PassageKey(passage).Contains(key, StringComparison.Ordinal);
    }

    private static string ExactKey(string text) => string.Join(' ', Word().Matches(VietnameseText.Normalize(text).ToLowerInvariant())
        .Select(m => Syllable.Canonical(m.Value)));

    // The same few passages are checked again and again: their keys are made once (bounded, like the passage readings).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> PassageKeys = new(StringComparer.Ordinal);

    private static string PassageKey(string passage)
    {
        if (PassageKeys.TryGetValue(passage, out var key))
        {
            return key;
        }

        if (PassageKeys.Count >= 20_000)
        {
            PassageKeys.Clear();
        }

        return PassageKeys.GetOrAdd(passage, ExactKey);
    }

    public static IEnumerable<int> Markers(string text)
    {
        foreach (Match marker in Marker().Matches(text))
        {
            foreach (var part in marker.Groups["n"].Value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                {
                    yield return n;
                }
            }
        }
    }

    /// <summary>The passage sentence that shares most words with the answer sentence citing it: what a reader checks.</summary>
    private static string ClosestSentence(string passage, string answerSentence)
    {
        var words = VietnameseText.MatchKey(Marker().Replace(answerSentence, " ")).Split(' ').ToHashSet(StringComparer.Ordinal);
        return SentenceSplitter.Split(passage)
            .OrderByDescending(s => VietnameseText.MatchKey(s).Split(' ').Count(words.Contains))
            .First();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"\[(?<n>[0-9]{1,3}(\s*[,;]\s*[0-9]{1,3})*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex("[\"“«](?<q>[^\"“”«»]{4,})[\"”»]")]
    private static partial Regex Quote();

    // Anything in brackets that starts like a citation: "[4-5]", "[ 7 ]", "[٧]" must not slip through.
    [GeneratedRegex(@"\[\s*[\d\p{Nd}][^\]]{0,15}\]")]
    private static partial Regex MarkerLike();

    [GeneratedRegex(@"[\p{L}\p{Mn}\p{Nd}%]+")]
    private static partial Regex Word();
}
