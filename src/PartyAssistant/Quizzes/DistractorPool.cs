using System.Text.RegularExpressions;
using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Quizzes;

/// <summary>
/// Wrong answers that look right: facts of the same kind stated elsewhere in the corpus that are
/// wrong beyond doubt where the answer stands (see <see cref="QuizFacts.ClearlyWrong"/>), and nothing
/// the tested sentence already says (it could be read as right). Those shaped like the answer ("40 tuổi" → "… tuổi", "đến năm …")
/// come first, so the sentence still reads naturally with a wrong choice put in.
/// </summary>
public sealed partial class DistractorPool
{
    private readonly Dictionary<FactKind, List<PoolFact>> byKind;

    private DistractorPool(Dictionary<FactKind, List<PoolFact>> byKind) => this.byKind = byKind;

    private sealed record PoolFact(Fact Fact, string Key, string Shape, string Lead, bool AtSentenceStart);

    public static DistractorPool Build(IEnumerable<QuizSentence> sentences)
    {
        var byKind = new Dictionary<FactKind, List<PoolFact>>();
        var seen = new HashSet<(FactKind, string)>();
        foreach (var sentence in sentences)
        {
            foreach (var fact in sentence.Facts.Where(f => QuizFacts.IsOfferable(f, sentence.Text)))
            {
                var key = VietnameseText.MatchKey(fact.Text);
                if (key.Length == 0 || !seen.Add((fact.Kind, key)))
                {
                    continue;
                }

                if (!byKind.TryGetValue(fact.Kind, out var list))
                {
                    byKind[fact.Kind] = list = [];
                }

                list.Add(new PoolFact(fact, key, Shape(key), Lead(key), sentence.StartsAt(fact)));
            }
        }

        return new DistractorPool(byKind);
    }

    /// <summary>
    /// Up to <paramref name="count"/> wrong answers for <paramref name="answer"/> in <paramref name="sentence"/>,
    /// written to fit where the answer stands (capitalised at the start of the sentence), in a
    /// reproducible order seeded by <paramref name="seed"/>.
    /// </summary>
    public IReadOnlyList<string> For(Fact answer, string sentence, int count, int seed)
    {
        if (!this.byKind.TryGetValue(answer.Kind, out var candidates))
        {
            return [];
        }

        var answerKey = VietnameseText.MatchKey(answer.Text);
        var sentenceKey = $" {VietnameseText.MatchKey(sentence)} ";
        var shape = Shape(answerKey);
        var lead = Lead(answerKey);
        var ordered = candidates
            .Where(c => !sentenceKey.Contains($" {c.Key} ", StringComparison.Ordinal) && !Overlaps(c.Key, answerKey))
            .Where(c => QuizFacts.ClearlyWrong(answer, sentence, c.Fact))
            .OrderBy(c => c.Shape == shape ? 0 : c.Lead == lead ? 1 : 2)
            .ThenBy(c => QuizRandom.Hash($"{seed}|{c.Key}"));

        // "đảng viên công tác" next to "đảng viên đang công tác", "6 tháng một lần" next to "2 lần mỗi năm":
        // two ways of one choice, which would tell the trainee both are wrong. Keep the first.
        var chosen = new List<PoolFact>();
        foreach (var candidate in ordered)
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (!chosen.Any(c => Overlaps(c.Key, candidate.Key) || QuizFacts.MayMeanTheSame(c.Fact, candidate.Fact)))
            {
                chosen.Add(candidate);
            }
        }

        return chosen.Select(c => Fit(c, answer.Start == 0)).ToList();
    }

    // "cấp uỷ" inside "cấp uỷ cơ sở", or "đảng viên công tác" beside "đảng viên đang công tác": both read as right.
    private static bool Overlaps(string a, string b)
    {
        if ($" {a} ".Contains($" {b} ", StringComparison.Ordinal) || $" {b} ".Contains($" {a} ", StringComparison.Ordinal))
        {
            return true;
        }

        var (shorter, longer) = Words(a).Length <= Words(b).Length ? (Words(a), Words(b)) : (Words(b), Words(a));
        return shorter.Length >= 3 && shorter.Count(longer.Contains) >= shorter.Length - 1;
    }

    private static string[] Words(string key) => key.Split(' ');

    // A fact that opened its own sentence is capitalised only for that; mid-sentence it goes to lower case, and the reverse.
    private static string Fit(PoolFact candidate, bool atStart)
    {
        var text = candidate.Fact.Text;
        if (atStart)
        {
            return char.ToUpperInvariant(text[0]) + text[1..];
        }

        // "Ban Tổ chức Trung ương" is a name, capitalised anywhere: only a common noun ("Đảng viên") goes to lower case.
        var isName = text.Split(' ').Skip(1).Any(w => w.Length > 0 && char.IsUpper(w[0]));
        return candidate.AtSentenceStart && !isName && text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }

    // The first and last words that are not numbers: "đến" in "đến năm 2025", "tuổi" in "40 tuổi".
    private static string Lead(string key) => Words(key).FirstOrDefault(w => !char.IsDigit(w[0])) ?? string.Empty;

    private static string Shape(string key) => DigitRun().Replace(key, "#");

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitRun();
}
