using System.Text;
using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Obligations;
using PartyAssistant.Questions;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// The offline answerer: quotes, word for word and cited, the sentences the evidence judge found to
/// state what is asked — the one that answers best first — preferring the kind of fact asked for
/// (a date, a number) and the document the question names. It never writes a claim of its own.
/// </summary>
public sealed partial class ExtractiveAnswerer(AnsweringOptions options)
{
    /// <param name="Original">The sentence as the passage has it, item number included: <paramref name="Sentence"/> may drop the number.</param>
    private sealed record Candidate(int N, int Position, string Sentence, double Score)
    {
        public string Original { get; init; } = Sentence;
    }

    public string Answer(QuestionAnalysis question, SuppliedPassages passages)
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
        var asks = question.Asks;
        if (asks != Ask.None && !ProceduralAsks.Parts(asks).Any(a => chosen.Any(c => ProceduralAsks.Gives(a, c.Sentence, question))))
        {
            return PromptLibrary.NotFoundToken;
        }

        var procedural = question.IsProcedural;
        var steps = procedural ? this.Steps(candidates, passages) : [];
        var sb = new StringBuilder();
        if (steps.Count >= 2)
        {
            // Numbered only when the text gives the order; otherwise the same sentences, as the list of tasks they are, the one that answers best first.
            var ordered = StepOrder.IsOrdered(steps.Select(s => (s.Original, passages[s.N]!)).ToList());
            if (!ordered)
            {
                steps = steps.OrderByDescending(s => s.Score).ToList();
            }

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
        var missing = ProceduralAsks.Parts(asks)
            .Where(a => !chosen.Any(c => ProceduralAsks.Gives(a, c.Sentence, question)))
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
        var floor = options.StepShare * candidates.Max(c => c.Score);
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
            .Take(options.MaxSentences + 2)
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

    /// <summary>
    /// The sentences to quote, the one that answers best first, and every sentence that states what is
    /// asked, best first. A sentence scores by the question's rare words and word pairs it shares,
    /// the kind of fact asked for, the asked parts it gives, the document named, and its passage's
    /// rank; one that denies or excepts what the question does not comes after those that do not.
    /// </summary>
    private (List<Candidate> Chosen, List<Candidate> Candidates) Choose(QuestionAnalysis question, SuppliedPassages passages)
    {
        var unigrams = TextTokens.Of(question.SearchText, marksKnown: false).Select(t => t.Folded).ToList();
        var bigrams = unigrams.Zip(unigrams.Skip(1), (a, b) => $"{a} {b}").ToList();
        var weights = unigrams.Distinct().ToDictionary(u => u, u => passages.Rarity(u));
        var pairWeights = bigrams.Distinct().ToDictionary(b => b, b => passages.Rarity(b));
        var topScore = Math.Max(passages.Hits.Max(h => h.Score), 1e-6);
        var candidates = new List<Candidate>();
        var stating = Stating(passages).ToList();
        foreach (var (n, position, sentence, evidence) in stating)
        {
            var reading = SentenceReading.Of(sentence);
            var words = reading.Tokens.Select(t => t.Folded).ToList();
            var set = words.ToHashSet(StringComparer.Ordinal);
            var pairs = words.Zip(words.Skip(1), (a, b) => $"{a} {b}").ToHashSet(StringComparer.Ordinal);
            var score = weights.Where(w => set.Contains(w.Key)).Sum(w => w.Value) + pairWeights.Where(w => pairs.Contains(w.Key)).Sum(w => w.Value);
            if (question.Expected != ExpectedAnswer.Any && AnswerShape.Satisfies(question, sentence, VietnameseText.MatchKey(sentence)))
            {
                score *= options.ShapeFactor;
            }

            // Each part of a who / how-often / which-form question is answered by a sentence that gives it.
            foreach (var ask in ProceduralAsks.Parts(question.Asks).Where(a => ProceduralAsks.Gives(a, sentence, question)))
            {
                score *= options.AskedPartFactor;
            }

            // A question that names a document is answered by sentences about that document, not another.
            if (question.References.Count > 0 && reading.Documents is { Count: > 0 } named)
            {
                score *= named.Any(r => question.References.Any(q => q.SameAs(r.Reference))) ? options.NamedDocumentFactor : options.OtherDocumentFactor;
            }

            if (evidence is not null)
            {
                // How things went or stand is told by what the documents report, shortfalls included; anything else by what they direct.
                var report = question.AsksForReport;
                score *= Math.Sqrt(evidence.Coverage) * (evidence.Negating && !report ? options.NegatingFactor : 1) *
                    (evidence.Reporting != report ? options.ReportingFactor : 1);
            }

            // "Vì sao …?" is answered by the sentence that gives a purpose; "X phải làm gì?" by one that X acts in.
            if (question.Frames.HasFlag(Frame.Reason) && QuestionLexicon.ReasonCues.AnyIn(reading.Tokens))
            {
                score *= options.AskedPartFactor;
            }

            if (question.RoleAsked is { } role && reading.Roles.Any(m => RoleLexicon.Overlap(role, m.Role)))
            {
                score *= options.AskedPartFactor;
            }

            // A lead-in that names what is asked introduces the list that answers it ("… còn một số hạn chế:").
            if (sentence.EndsWith(':'))
            {
                score *= options.LeadInFactor;
            }

            score *= Math.Sqrt(Math.Max(passages[n]!.Score, 0) / topScore);
            if (score > 0)
            {
                candidates.Add(new Candidate(n, position, sentence, score));
            }
        }

        candidates = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.N).ThenBy(c => c.Position).ToList();
        if (candidates.Count == 0)
        {
            return ([], []);
        }

        // The lead states the answer itself, and states most of it: one that states much less is no lead. A sentence that
        // denies something, or reports where the question asks what to do (or directs where it asks how things went), sets no
        // bar for the others: it is a weaker answer, however many words it shares.
        var judged = stating.Where(s => s.Evidence is not null).ToDictionary(s => (s.N, s.Position), s => s.Evidence!);
        var states = judged.Values.Where(e => e.States).ToList();
        var clean = states.Where(e => (!e.Negating || question.AsksForReport) && e.Reporting == question.AsksForReport).ToList();
        var floor = (clean.Count > 0 ? clean : states).Select(e => e.Coverage).DefaultIfEmpty(0).Max() - options.CoverageMargin;
        var lead = candidates.FirstOrDefault(c => !judged.TryGetValue((c.N, c.Position), out var e) || (e.States && e.Coverage >= floor));
        if (lead is null)
        {
            return ([], candidates);
        }

        // Then what else of the answering passages says it nearly as well, the lead's own neighbours included.
        var best = lead.Score;
        var chosen = new List<Candidate> { lead };
        foreach (var candidate in candidates.Where(c => c != lead).TakeWhile(c => c.Score >= options.KeepShare * best))
        {
            if (chosen.Count >= options.MaxSentences)
            {
                break;
            }

            if (!chosen.Any(c => VietnameseText.MatchKey(c.Sentence) == VietnameseText.MatchKey(candidate.Sentence)))
            {
                chosen.Add(candidate);
            }
        }

        // A part of the question the best sentences leave open is answered by the best sentence that gives it, if one is relevant at all.
        foreach (var ask in ProceduralAsks.Parts(question.Asks).Where(a => !chosen.Any(c => ProceduralAsks.Gives(a, c.Sentence, question))))
        {
            if (candidates.FirstOrDefault(c => c.Score >= options.StepShare * best && ProceduralAsks.Gives(ask, c.Sentence, question)) is { } giver &&
                !chosen.Contains(giver))
            {
                chosen.Add(giver);
            }
        }

        // The lead first: it is the sentence that answers. The others follow in the documents' order.
        var ordered = chosen.Skip(1).OrderBy(c => c.N).ThenBy(c => c.Position).Prepend(lead);

        // "Đ/c nào chủ trì hội nghị …?": when the lead does not say the action asked about, the sentence beside it that does is quoted too.
        if (question.Focus.Action is { } action && SentenceSplitter.Split(passages[lead.N]!.Text) is var around &&
            !FocusCoverage.States(action.Run, action.Index, SentenceReading.Of(lead.Sentence).Match))
        {
            foreach (var position in new[] { lead.Position + 1, lead.Position - 1 }.Where(p => p >= 0 && p < around.Count))
            {
                if (FocusCoverage.States(action.Run, action.Index, SentenceReading.Of(around[position]).Match) && !chosen.Any(c => c.N == lead.N && c.Position == position))
                {
                    ordered = ordered.Append(new Candidate(lead.N, position, around[position], lead.Score));
                    break;
                }
            }
        }

        // "Ai chuẩn bị …?" answered by a directive without a subject: who acts is named in the sentence before it.
        if (question.Asks.HasFlag(Ask.Actor) && lead.Position > 0 && !Obligations.ObligationSentence.Read(lead.Sentence, directiveContext: true).HasSubject &&
            SentenceSplitter.Split(passages[lead.N]!.Text) is var split && Obligations.ObligationSentence.Read(split[lead.Position - 1], directiveContext: true).HasSubject)
        {
            ordered = ordered.Prepend(new Candidate(lead.N, lead.Position - 1, split[lead.Position - 1], lead.Score));
        }
        var quoted = new List<Candidate>();
        foreach (var candidate in ordered.SelectMany(c => this.WithWhatItIntroduces(c, passages)))
        {
            if (!quoted.Any(q => q.N == candidate.N && q.Sentence.Contains(candidate.Sentence, StringComparison.Ordinal)))
            {
                quoted.Add(candidate);
            }
        }

        return (quoted, candidates);
    }

    /// <summary>
    /// A lead-in ("… vẫn còn một số hạn chế:") says what follows, not the answer: it is quoted with the
    /// sentence it introduces, and the next ones of its passage follow it.
    /// </summary>
    private IEnumerable<Candidate> WithWhatItIntroduces(Candidate candidate, SuppliedPassages passages)
    {
        if (!candidate.Sentence.EndsWith(':'))
        {
            yield return candidate;
            yield break;
        }

        var text = passages[candidate.N]!.Text;
        var sentences = SentenceSplitter.Split(text);
        if (candidate.Position + 1 >= sentences.Count)
        {
            yield return candidate;
            yield break;
        }

        var start = text.IndexOf(candidate.Sentence, StringComparison.Ordinal);
        var next = sentences[candidate.Position + 1];
        var end = text.IndexOf(next, start + candidate.Sentence.Length, StringComparison.Ordinal) + next.Length;
        yield return candidate with { Sentence = text[start..end], Original = text[start..end] };
        for (var i = candidate.Position + 2; i < Math.Min(sentences.Count, candidate.Position + options.MaxSentences); i++)
        {
            yield return candidate with { Position = i, Sentence = sentences[i], Original = sentences[i] };
        }
    }

    /// <summary>
    /// The sentences that may be quoted: those the evidence judge found to state what is asked, and the others of their
    /// passages that state enough of it to be quoted beside them (all, when there is no judgement).
    /// </summary>
    private static IEnumerable<(int N, int Position, string Sentence, SentenceEvidence? Evidence)> Stating(SuppliedPassages passages)
    {
        if (passages.Evidence is { } evidence)
        {
            foreach (var sentence in evidence.Quotable)
            {
                if (passages.NumberOf(sentence.PassageId) is { } n)
                {
                    yield return (n, sentence.Position, sentence.Sentence, sentence);
                }
            }

            yield break;
        }

        for (var n = 1; n <= passages.Count; n++)
        {
            var position = 0;
            foreach (var sentence in SentenceSplitter.Split(passages[n]!.Text))
            {
                yield return (n, position++, sentence, null);
            }
        }
    }

}
