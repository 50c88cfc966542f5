using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Quizzes;

/// <summary>
/// Wrong answers that look right: facts of the same kind stated elsewhere in the corpus that are
/// wrong beyond doubt where the answer stands (see <see cref="QuizFacts.ClearlyWrong"/>), and nothing
/// the tested sentence already says (it could be read as right). The choices of a question are all of
/// one shape and length class (<see cref="ChoiceShape"/>), so none stands out; a true/false statement
/// is made false with a value of the same shape from the same document.
/// </summary>
public sealed class DistractorPool
{
    private readonly Dictionary<FactKind, List<PoolFact>> byKind;

    private DistractorPool(Dictionary<FactKind, List<PoolFact>> byKind) => this.byKind = byKind;

    private sealed record PoolFact(Fact Fact, string Key, string Shape, bool AtSentenceStart, string DocumentId);

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

                list.Add(new PoolFact(fact, key, ChoiceShape.Of(fact), sentence.StartsAt(fact), sentence.Passage.DocumentId));
            }
        }

        return new DistractorPool(byKind);
    }

    /// <summary>
    /// Up to <paramref name="count"/> wrong choices for <paramref name="answer"/> in <paramref name="sentence"/>, of its shape
    /// and, with it, of one length class (<see cref="ChoiceShape"/>), written to fit where the answer stands (capitalised at
    /// the start of the sentence), in a reproducible order seeded by <paramref name="seed"/>.
    /// </summary>
    public IReadOnlyList<string> For(Fact answer, string sentence, int count, int seed)
    {
        var chosen = new List<PoolFact>();
        foreach (var candidate in this.Ordered(answer, sentence, seed))
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (!chosen.Any(c => Overlaps(c.Key, candidate.Key) || QuizFacts.MayMeanTheSame(c.Fact, candidate.Fact))
                && ChoiceShape.OneLengthClass(chosen.Select(c => c.Fact.Text).Append(candidate.Fact.Text).Append(answer.Text)))
            {
                chosen.Add(candidate);
            }
        }

        return chosen.Select(c => Fit(c, answer.Start == 0)).ToList();
    }

    /// <summary>
    /// The values that make a true/false statement false by one change: facts of the answer's shape that
    /// <paramref name="documentId"/> itself states elsewhere, wrong beyond doubt in place of the answer.
    /// </summary>
    public IReadOnlyList<string> Swaps(Fact answer, string sentence, string documentId, int seed) =>
        this.Ordered(answer, sentence, seed).Where(c => c.DocumentId == documentId).Select(c => Fit(c, answer.Start == 0)).ToList();

    // "đảng viên công tác" next to "đảng viên đang công tác", "6 tháng một lần" next to "2 lần mỗi năm":
    // two ways of one choice, which would tell the trainee both are wrong; callers keep the first.
    private IEnumerable<PoolFact> Ordered(Fact answer, string sentence, int seed)
    {
        if (!this.byKind.TryGetValue(answer.Kind, out var candidates))
        {
            return [];
        }

        var answerKey = VietnameseText.MatchKey(answer.Text);
        var sentenceKey = $" {VietnameseText.MatchKey(sentence)} ";
        var shape = ChoiceShape.Of(answer);
        return candidates
            .Where(c => c.Shape == shape)
            .Where(c => !sentenceKey.Contains($" {c.Key} ", StringComparison.Ordinal) && !Overlaps(c.Key, answerKey))
            .Where(c => QuizFacts.ClearlyWrong(answer, sentence, c.Fact))
            .OrderBy(c => QuizRandom.Hash($"{seed}|{c.Key}"));
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
}
