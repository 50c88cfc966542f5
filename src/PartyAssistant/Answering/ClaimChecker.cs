using System.Text.RegularExpressions;
using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// Checks a model's answer claim by claim: every sentence that states something carries a citation,
/// and every number, date, frequency, duration, weekday and named body in it occurs in a passage it
/// cites. "Cấp uỷ phải tiếp dân mỗi tuần một lần vào sáng thứ Hai [1]." fails when passage [1] says
/// only "tiếp dân định kỳ": a real citation does not make an invented fact true.
/// </summary>
public static partial class ClaimChecker
{
    private static readonly Lazy<PhraseSet<bool>> Weekdays = new(() => new PhraseSet<bool>(WordLists.Rows(WordLists.Weekdays).Select(r => (r[0], true))));
    private static readonly Lazy<PhraseSet<bool>> NumberLabels = new(() => new PhraseSet<bool>(WordLists.Rows(WordLists.NumberLabels).Select(r => (r[0], true))));

    /// <summary>Null when every claim is backed; otherwise the Vietnamese reason, naming the first claim that is not.</summary>
    /// <param name="body">The answer without its source list.</param>
    public static string? Check(string body, SuppliedPassages passages)
    {
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var sentence in SentenceSplitter.Split(line))
            {
                var numbers = CitationChecker.Markers(sentence).Distinct().ToList();
                var claim = ListMarker.Strip(Marker().Replace(sentence, " ").Trim());
                if (numbers.Count == 0)
                {
                    // A lead-in ("Các bước:") or a bare list number states nothing by itself.
                    if (claim.EndsWith(':') || !claim.Any(char.IsLetter))
                    {
                        continue;
                    }

                    return $"câu \"{Shorten(claim)}\" không có trích dẫn";
                }

                var cited = numbers.Select(n => passages[n]).OfType<Search.SearchHit>().Select(h => new CitedText(h.Text)).ToList();
                if (Unbacked(claim, cited) is { } fact)
                {
                    return $"\"{fact}\" trong câu \"{Shorten(claim)}\" không có trong đoạn được dẫn";
                }
            }
        }

        return null;
    }

    /// <summary>A cited passage, read once for every check: its words, numbers, frequencies and roles.</summary>
    private sealed class CitedText(string text)
    {
        public string Key { get; } = $" {VietnameseText.MatchKey(text)} ";

        public HashSet<string> Numbers { get; } = TextTokens.Of(text).Where(t => t.Text.Any(char.IsAsciiDigit)).Select(t => t.Folded).ToHashSet(StringComparer.Ordinal);

        public IReadOnlyList<Fact> Facts { get; } = FactExtractor.Extract(text);

        public bool Says(string phrase) => VietnameseText.MatchKey(phrase) is var key && (key.Length == 0 || this.Key.Contains($" {key} ", StringComparison.Ordinal));
    }

    /// <summary>The first fact of the claim that no cited passage states, or null.</summary>
    private static string? Unbacked(string claim, IReadOnlyList<CitedText> cited)
    {
        var tokens = TextTokens.Of(claim);
        bool NumbersBacked(string text) => TextTokens.Of(text).Where(t => t.Text.Any(char.IsAsciiDigit)).Select(t => t.Folded) is var numbers &&
            cited.Any(c => numbers.All(c.Numbers.Contains));

        foreach (var fact in FactExtractor.Extract(claim))
        {
            var backed = fact.Kind switch
            {
                // The figures must be the passage's; "đạt 50%" may be written "đạt tỷ lệ 50%".
                FactKind.Percent or FactKind.Quantity or FactKind.Time or FactKind.Document => NumbersBacked(fact.Text),
                FactKind.Frequency => cited.Any(c => c.Says(fact.Text) || (Frequencies.IsConcrete(fact.Text) &&
                    c.Facts.Any(f => f.Kind == FactKind.Frequency && Frequencies.IsConcrete(f.Text) && Frequencies.MayAgree(f.Text, fact.Text)))),
                FactKind.Actor => cited.Any(c => c.Says(fact.Text) || c.Facts.Any(f => f.Kind == FactKind.Actor && f.Role?.Id == fact.Role?.Id)),
                _ => true,
            };
            if (!backed)
            {
                return fact.Text;
            }
        }

        foreach (var day in Weekdays.Value.FindAll(tokens))
        {
            var text = claim[tokens[day.Index].Start..tokens[day.End - 1].End];
            if (!cited.Any(c => c.Says(text)))
            {
                return text;
            }
        }

        // Any other number, unless it only labels a part ("Ý 3", "Điều 2") — those are checked with the citation itself.
        var labels = NumberLabels.Value.FindAll(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Text.Any(char.IsAsciiDigit) && !labels.Any(l => l.End == i) && !cited.Any(c => c.Numbers.Contains(tokens[i].Folded)))
            {
                return tokens[i].Text;
            }
        }

        foreach (Match match in CapitalisedRun().Matches(claim))
        {
            // At the start the first word is capitalised anyway ("Giao Ban Thường vụ …"): with two words after it, the name
            // is those; otherwise the whole run is ("Ban Bí thư chủ trì", "Lê Văn Ba chủ trì").
            var words = match.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = match.Index == 0 && words.Length > 2 ? string.Join(' ', words[1..]) : match.Value;
            if (!cited.Any(c => c.Says(name)))
            {
                return name;
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [GeneratedRegex(@"\[[0-9,;\s]+\]")]
    private static partial Regex Marker();

    // Two or more capitalised words in a row: a named body or person ("Ban Thường vụ", "Lê Quốc Phong").
    [GeneratedRegex(@"\p{Lu}\p{Ll}*(\s+\p{Lu}\p{Ll}*)+")]
    private static partial Regex CapitalisedRun();
}
