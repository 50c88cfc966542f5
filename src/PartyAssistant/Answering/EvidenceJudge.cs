using PartyAssistant.Corpus;
using PartyAssistant.Questions;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// Decides whether the found passages state what a question asks. Answerable means a sentence
/// states the question's focus (<see cref="FocusCoverage"/>), in the form the frame asks for
/// (<see cref="AskedShape"/>), from the document the question names if it names one; a sentence
/// that only shares the question's common words answers nothing. Below that, the closest sentences
/// are related; with none close, the question is not covered.
/// </summary>
public sealed class EvidenceJudge(AnsweringOptions options)
{
    /// <param name="rarity">How rare a folded syllable or pair is in the corpus.</param>
    /// <param name="notLoaded">Documents the question names that the corpus does not hold.</param>
    /// <param name="markedForms">How the corpus spells a syllable pair typed without marks.</param>
    public Evidence Judge(
        QuestionAnalysis question, IReadOnlyList<SearchHit> hits, Func<string, double> rarity, IReadOnlyList<DocumentReference> notLoaded,
        Func<string, IReadOnlyList<string>>? markedForms = null)
    {
        // Nothing left to look for but the document named or pointed at: that document, in the asked form, is the answer.
        var scorer = question.Focus.IsEmpty ? null : FocusCoverage.For(question.Focus, rarity, markedForms: markedForms);
        var bare = question.References.Count > 0 || question.PointedType is not null ? 1.0 : 0.0;
        double Coverage(IReadOnlyCollection<Facts.Role> roles, params MatchText[] texts) => scorer?.Of(texts, roles) ?? bare;

        var sentences = new List<SentenceEvidence>();
        foreach (var hit in hits)
        {
            var reading = PassageReading.Of(hit.Text);
            var split = reading.Sentences;

            // "Kết luận này" points at a document of that kind: sentences come from one.
            var aboutNamed = question.References.Count == 0
                ? question.PointedType is not { } pointed || string.Equals(pointed, hit.DocumentType, StringComparison.OrdinalIgnoreCase)
                : question.References.Any(r => hit.DocumentKeys.Contains(r.QueryKey) || hit.DocumentKeys.Contains(r.ShortKey));

            // A question that names the document its words come from ("Ai ký Kết luận về tiếp tục thực hiện Nghị quyết 03?")
            // names it with its title too: those words are found in the title, not in each sentence.
            // A document named without its number ("NQ Trung ương 4 khoá XII") is named by how citations call it.
            var title = PassageReading.Text(question.References.Count > 0 && aboutNamed ? hit.DocumentTitle : hit.DocumentTitle.Split(". ", 2)[0]);
            var heading = PassageReading.Text(hit.Heading);
            var headingRoles = PassageReading.RolesOf(hit.Heading);
            var passageRoles = split.SelectMany(s => s.Roles.Select(m => m.Role)).Concat(headingRoles).Distinct().ToList();

            // No sentence states more than its whole passage does: a passage that does not come near is not read sentence by sentence.
            var whole = Coverage(passageRoles, title, heading, reading.Whole);
            if (whole < options.RelatedFocusCoverage)
            {
                continue;
            }

            // A sentence is read with the lead-in it continues ("… còn một số hạn chế: Việc …"), and with its heading at a
            // discount: a heading speaks of a whole part ("… trong thời gian tới"), not of what each sentence says.
            var own = split.Select((sentence, position) =>
            {
                var leadIn = position > 0 && split[position - 1].Text.EndsWith(':') ? split[position - 1].Match : PassageReading.Text(string.Empty);
                var roles = sentence.Roles.Select(m => m.Role).ToList();
                var plain = Coverage(roles, title, leadIn, sentence.Match);
                return headingRoles.Count == 0 && heading.Tokens.Count == 0
                    ? plain
                    : Math.Max(plain, options.HeadingShare * Coverage(roles.Concat(headingRoles).ToList(), title, heading, leadIn, sentence.Match));
            }).ToList();

            // A sentence that states a good part of what is asked, in a passage that states the rest, states it with its
            // passage, at a discount — unless one sentence of the passage states it alone: that one answers.
            var leaning = split.Count > 1 && own.Max() < options.MinFocusCoverage && own.Max() >= options.MinSentenceShare * options.MinFocusCoverage
                ? options.PassageShare * whole
                : 0;
            var mayAnswer = PassageRoles.MayAnswer(hit.Role, question.AsksWho, question.Frames.HasFlag(Frame.Recipients));
            var first = sentences.Count;
            for (var position = 0; position < split.Count; position++)
            {
                var sentence = split[position];
                var coverage = own[position] >= options.MinSentenceShare * options.MinFocusCoverage ? Math.Max(own[position], leaning) : own[position];
                var allowed = mayAnswer && (aboutNamed || (Names(sentence, question.References) && Speaks(question, notLoaded)));

                // The form of the answer is only worth checking where the words are there.
                var fits = allowed && coverage >= options.RelatedFocusCoverage && AskedShape.Fits(question, sentence, position, hit, heading);
                var negating = !question.Frames.HasFlag(Frame.Status) && sentence.Negations.Except(question.Negations, StringComparer.Ordinal).Any();
                sentences.Add(new SentenceEvidence(hit.PassageId, position, sentence.Text, coverage, allowed, fits, negating)
                {
                    States = allowed && fits && coverage >= options.MinFocusCoverage,
                    Reporting = sentence.Reports.Count > 0,
                });
            }

            // Once a passage answers, it is the unit: its other sentences that state part of what is asked, in the asked
            // form, may be quoted beside the one that states it, weighed with what the passage states around them.
            if (sentences.Skip(first).Any(s => s.States))
            {
                var around = options.PassageShare * whole;
                for (var i = first; i < sentences.Count; i++)
                {
                    if (sentences[i] is { States: false, FitsShape: true } s && s.Coverage >= options.RelatedFocusCoverage)
                    {
                        sentences[i] = s with { Quotable = true, Coverage = Math.Max(s.Coverage, around) };
                    }
                }
            }
        }

        // A question of nothing but the corpus's everyday words ("Đảng viên là gì?", "Chi bộ có được không?") is stated by
        // no sentence: any sentence has those words. The closest are related at most.
        // So is "what must this role do" once the role's own duties gave nothing: any rule for members or cadres names the
        // role's family, and none of them is a duty of that role.
        var everyday = (question.Focus.FromCommonWords && question.References.Count == 0 && question.PointedType is null) ||
            (question.Frames.HasFlag(Frame.Duties) && question.Focus.Runs.All(r => r.Roles.Sum(span => span.Count) >= r.Tokens.Count));
        var best = sentences.Where(s => s.Allowed).Select(s => s.Coverage).DefaultIfEmpty(0).Max();
        var outcome = !everyday && sentences.Any(s => s.States) ? Outcome.Answer
            : best >= options.RelatedFocusCoverage ? Outcome.Related
            : Outcome.NotCovered;
        return new Evidence(outcome, Math.Round(best, 4), sentences, notLoaded);
    }

    /// <summary>
    /// Whether another document's sentence naming the asked one may answer: for what the question asks about
    /// it (a focus of its own), or for a fact about the document itself — its date, issuer, subject or standing.
    /// What a document not loaded requires is its own text's to say, not a mention's.
    /// </summary>
    private static bool Speaks(QuestionAnalysis question, IReadOnlyList<DocumentReference> notLoaded)
    {
        var loaded = notLoaded.Count < question.References.Count;

        // What a loaded document is about is its own text's to say; "Thực hiện tốt Quy định số 213" says nothing of it.
        if (question.Focus.IsEmpty && question.Frames.HasFlag(Frame.Subject) && loaded)
        {
            return false;
        }

        return !question.Focus.IsEmpty || loaded ||
            (question.Frames & (Frame.Time | Frame.Actor | Frame.Subject | Frame.Status | Frame.Definition)) != 0;
    }

    private static bool Names(SentenceReading sentence, IReadOnlyList<DocumentReference> references) =>
        references.Count > 0 && sentence.Documents.Any(found => references.Any(r => r.SameAs(found.Reference)));
}
