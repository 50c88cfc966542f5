using System.Text;
using PartyAssistant.Facts;
using PartyAssistant.Obligations;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// The offline answerer: picks the sentences of the supplied passages that answer the question
/// (its words, and the kind of fact it asks for: a date, a number, a definition), quotes them
/// word for word and cites each one. It never writes a claim of its own.
/// </summary>
public sealed partial class ExtractiveAnswerer(int maxSentences)
{
    /// <param name="Original">The sentence as the passage has it, item number included: <paramref name="Sentence"/> may drop the number.</param>
    private sealed record Candidate(int N, int Position, string Sentence, double Score)
    {
        public string Original { get; init; } = Sentence;
    }

    public string Answer(AnalyzedQuestion question, SuppliedPassages passages)
    {
        if (passages.Duties is { Items.Count: > 0 } duties)
        {
            return DutiesAnswer(duties, passages);
        }

        var (chosen, candidates) = this.Choose(question, passages);
        if (chosen.Count == 0)
        {
            return PromptLibrary.NotFoundToken;
        }

        // A who / how-often / which-form question that no found sentence answers in any part is not answered:
        // sentences that merely share its other words would read as an answer they are not.
        var asks = ProceduralAsks.Of(question.Original);
        if (asks != Ask.None && !Parts(asks).Any(a => chosen.Any(c => ProceduralAsks.Gives(a, c.Sentence, question.Original))))
        {
            return PromptLibrary.NotFoundToken;
        }

        var procedural = ProceduralQuestion.Matches(question.Original);
        var steps = procedural ? this.Steps(candidates, passages) : [];
        var sb = new StringBuilder();
        if (steps.Count >= 2)
        {
            // Numbered only when the text gives the order; otherwise the same sentences, as the list of tasks they are.
            var ordered = StepOrder.IsOrdered(steps.Select(s => (s.Original, passages[s.N]!)).ToList());
            var documents = steps.Select(s => passages[s.N]!.DocumentId).Distinct(StringComparer.Ordinal).Count();
            sb.Append(ordered ? "Theo các văn bản đã nạp, các bước:\n" : documents > 1 ? "Các văn bản nêu các việc sau:\n" : "Văn bản nêu các việc sau:\n");
            for (var i = 0; i < steps.Count; i++)
            {
                sb.Append(ordered ? $"{i + 1}. " : "- ").Append(steps[i].Sentence).Append(" [").Append(steps[i].N).Append("]\n");
            }

            // What else answered the question stays, after the steps: the steps replace nothing that was found.
            var rest = chosen.Where(c => !steps.Any(s => s.N == c.N && s.Position == c.Position)).ToList();
            if (rest.Count > 0)
            {
                sb.Append("Các văn bản cũng nêu:\n");
                foreach (var candidate in rest)
                {
                    sb.Append("- ").Append(candidate.Sentence).Append(" [").Append(candidate.N).Append("]\n");
                }
            }

            chosen = steps.Concat(rest).ToList();
        }
        else
        {
            sb.Append("Theo các văn bản đã nạp:\n");
            foreach (var candidate in chosen)
            {
                sb.Append("- ").Append(candidate.Sentence).Append(" [").Append(candidate.N).Append("]\n");
            }
        }

        if (procedural && ScheduleLine(chosen) is { } schedule)
        {
            sb.Append(schedule).Append('\n');
        }

        // Say which asked-for part the quoted sentences leave open rather than let the reader assume it was answered.
        var missing = Parts(asks)
            .Where(a => !chosen.Any(c => ProceduralAsks.Gives(a, c.Sentence, question.Original)))
            .Aggregate(Ask.None, (all, a) => all | a);
        if (ProceduralAsks.Unanswered(missing) is { } open)
        {
            sb.Append(open).Append('\n');
        }

        // Every sentence the answer uses appears in the sources, not only the first of its passage.
        sb.Append('\n').Append(SourceList.Format(chosen.Select(c => (c.N, passages[c.N]!, c.Sentence))));
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// The steps of the item that answers best: the directives ("Tổ chức …", "Cấp uỷ phải …") of the
    /// passages under the same heading as the best directive that shares the question's words, in
    /// the order the document gives them, without their item numbers ("5. ").
    /// </summary>
    private List<Candidate> Steps(List<Candidate> candidates, SuppliedPassages passages)
    {
        var floor = 0.25 * candidates[0].Score;
        var directives = candidates.Where(c => c.Score >= floor && Directive.IsStep(c.Sentence)).ToList();
        if (directives.Count == 0)
        {
            return [];
        }

        // The item whose directives together answer most: one strong bullet elsewhere does not pull the steps away from it.
        var item = directives.GroupBy(c => PassageOrder.Parent(passages[c.N]!.PassageId))
            .OrderByDescending(g => g.Sum(c => c.Score)).First().Key;
        return directives
            .Where(c => PassageOrder.Parent(passages[c.N]!.PassageId) == item)
            .Take(maxSentences + 2)
            .Select(c => c with { Sentence = ListMarker.Strip(c.Sentence) })
            .OrderBy(c => passages[c.N]!.PassageId, PassageOrder.Instance)
            .ThenBy(c => c.Position)
            .ToList();
    }

    /// <summary>A role's duties, each quoted as its passage has it and cited; the deadlines they set; summaries flagged.</summary>
    private static string DutiesAnswer(RoleDuties duties, SuppliedPassages passages)
    {
        var sb = new StringBuilder($"Nghĩa vụ của {duties.Role.Name} theo các văn bản đã nạp ({duties.Items.Count} mục):\n");
        foreach (var (n, item) in duties.Items)
        {
            sb.Append("- ").Append(item.Quote).Append(" [").Append(n).Append("]\n");
        }

        var cited = duties.Items.Select((d, i) => new Candidate(d.N, i, d.Item.Quote, 1)).ToList();
        if (ScheduleLine(cited) is { } schedule)
        {
            sb.Append(schedule).Append('\n');
        }

        if (duties.Items.Any(d => d.Item.FromSummary))
        {
            sb.Append("Các mục lấy từ bản tóm tắt không chính thức cần đối chiếu với văn bản gốc.\n");
        }

        sb.Append('\n').Append(SourceList.Format(cited.Select(c => (c.N, passages[c.N]!, c.Sentence))));
        return sb.ToString().TrimEnd();
    }

    /// <summary>"Thời hạn, tần suất: Định kỳ hàng năm [1]; vào cuối năm 2022 [1]" from the cited sentences; null when they set none.</summary>
    private static string? ScheduleLine(IEnumerable<Candidate> cited)
    {
        var parts = new List<(string Deadline, List<int> Numbers)>();
        foreach (var candidate in cited)
        {
            foreach (var deadline in Deadlines.In(candidate.Sentence))
            {
                var same = parts.FirstOrDefault(p => VietnameseText.MatchKey(p.Deadline) == VietnameseText.MatchKey(deadline));
                if (same.Numbers is null)
                {
                    parts.Add((deadline, [candidate.N]));
                }
                else if (!same.Numbers.Contains(candidate.N))
                {
                    same.Numbers.Add(candidate.N);
                }
            }
        }

        return parts.Count == 0 ? null : "Thời hạn, tần suất: " + string.Join("; ", parts.Select(p => p.Deadline + " " + string.Concat(p.Numbers.Select(n => $"[{n}]"))));
    }

    private (List<Candidate> Chosen, List<Candidate> Candidates) Choose(AnalyzedQuestion question, SuppliedPassages passages)
    {
        var unigrams = Words(question.SearchText);
        var bigrams = unigrams.Zip(unigrams.Skip(1), (a, b) => $"{a} {b}").ToList();
        var sentences = new List<(int N, int Position, string Text, HashSet<string> Words, HashSet<string> Pairs)>();
        for (var n = 1; n <= passages.Count; n++)
        {
            var position = 0;
            foreach (var sentence in SentenceSplitter.Split(passages[n]!.Text))
            {
                var words = Words(sentence);
                sentences.Add((n, position++, sentence, words.ToHashSet(StringComparer.Ordinal),
                    words.Zip(words.Skip(1), (a, b) => $"{a} {b}").ToHashSet(StringComparer.Ordinal)));
            }
        }

        // Rare words say most about which sentence answers; the search's own ranking of the passages counts too.
        var weights = unigrams.Distinct().ToDictionary(u => u, u => passages.Rarity(u));
        var pairWeights = bigrams.Distinct().ToDictionary(b => b, b => passages.Rarity(b));
        var topScore = Math.Max(passages.Hits.Max(h => h.Score), 1e-6);
        var asks = ProceduralAsks.Of(question.Original);
        var candidates = sentences
            .Select(s =>
            {
                var score = weights.Where(w => s.Words.Contains(w.Key)).Sum(w => w.Value) +
                            pairWeights.Where(w => s.Pairs.Contains(w.Key)).Sum(w => w.Value);
                if (question.Expected != ExpectedAnswer.Any && AnswerShape.Satisfies(question, s.Text, VietnameseText.MatchKey(s.Text)))
                {
                    score *= 1.5;
                }

                // Each part of a who / how-often / which-form question is answered by a sentence that gives it.
                foreach (var ask in Parts(asks).Where(a => ProceduralAsks.Gives(a, s.Text, question.Original)))
                {
                    score *= 1.5;
                }

                // A question that names a document is answered by sentences about that document, not another.
                if (question.References.Count > 0 && DocumentReference.FindAll(s.Text) is { Count: > 0 } named)
                {
                    score *= named.Any(r => question.References.Any(q => q.ShortKey == r.ShortKey)) ? 2.0 : 0.7;
                }

                return new Candidate(s.N, s.Position, s.Text, score * Math.Sqrt(passages[s.N]!.Score / topScore));
            })
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ToList();
        if (candidates.Count == 0)
        {
            return ([], []);
        }

        var best = candidates[0].Score;
        var chosen = new List<Candidate>();
        foreach (var candidate in candidates.TakeWhile(c => c.Score >= 0.6 * best))
        {
            var key = VietnameseText.MatchKey(candidate.Sentence);
            if (chosen.Any(c => VietnameseText.MatchKey(c.Sentence) == key))
            {
                continue;
            }

            chosen.Add(candidate);
            if (chosen.Count == maxSentences)
            {
                break;
            }
        }

        // A part of the question the best sentences leave open is answered by the best sentence that gives it, if one is relevant at all.
        foreach (var ask in Parts(asks).Where(a => !chosen.Any(c => ProceduralAsks.Gives(a, c.Sentence, question.Original))))
        {
            if (candidates.FirstOrDefault(c => c.Score >= 0.25 * best && ProceduralAsks.Gives(ask, c.Sentence, question.Original)) is { } giver &&
                !chosen.Contains(giver))
            {
                chosen.Add(giver);
            }
        }

        return (chosen.OrderBy(c => c.N).ThenBy(c => c.Position).ToList(), candidates);
    }

    private static IEnumerable<Ask> Parts(Ask asks) => new[] { Ask.Actor, Ask.Frequency, Ask.Form }.Where(a => asks.HasFlag(a));

    private static List<string> Words(string text) =>
        VietnameseText.MatchKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Syllable.Canonical(w)).ToList();
}
