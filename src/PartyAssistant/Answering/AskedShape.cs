using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Questions;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Answering;

/// <summary>
/// Whether a sentence holds the kind of fact a question's frame asks for: a date for "khi nào", a
/// duration for "bao lâu", "7 nhiệm vụ" for "bao nhiêu nhiệm vụ", a rule (not a report of results)
/// for "có được … không", a procedure for "thủ tục …". A frame without such a test (how, why, what)
/// is fitted by any sentence.
/// </summary>
internal static partial class AskedShape
{
    /// <param name="position">Where the sentence stands in its passage.</param>
    /// <param name="heading">The passage's heading: a rule's actor or action may be named there ("Điều 2. Nhiệm vụ của đảng viên").</param>
    public static bool Fits(QuestionAnalysis question, SentenceReading reading, int position, SearchHit passage, MatchText heading)
    {
        var frames = question.Frames;
        var sentence = reading.Text;
        IReadOnlyList<Fact> Facts() => reading.Facts;

        if (frames.HasFlag(Frame.Time) && !Dated(question, reading, passage))
        {
            return false;
        }

        // "Làm trong bao lâu?" is also answered by how steadily: "thường xuyên, liên tục".
        if (frames.HasFlag(Frame.Duration) && !frames.HasFlag(Frame.Frequency) && !Facts().Any(f => f.IsDuration || f.Kind == FactKind.Frequency))
        {
            return false;
        }

        if (frames.HasFlag(Frame.Percent) && !Facts().Any(f => f.Kind == FactKind.Percent))
        {
            return false;
        }

        if (frames.HasFlag(Frame.Quantity) && !Counts(question, sentence, Facts()))
        {
            return false;
        }

        // "Được gửi tới cơ quan nào" is answered by who receives the document, nothing else.
        if (frames.HasFlag(Frame.Recipients) && passage.Role != PassageRole.Recipients)
        {
            return false;
        }

        // "Có số hiệu là gì?" asks the number of the document the passage is in: a number it cites is another document's.
        if (frames.HasFlag(Frame.Number) && !reading.Documents.Any(d => d.Reference.Keys.Any(passage.OwnKeys.Contains)))
        {
            return false;
        }

        if (frames.HasFlag(Frame.Place) && !Placed(sentence))
        {
            return false;
        }

        if (frames.HasFlag(Frame.Status) && !AnswerShape.Satisfies(question with { Expected = ExpectedAnswer.Status }, sentence, string.Empty))
        {
            return false;
        }

        // A rule ("có được … không") or a way of doing ("tổ chức … thế nào") is not told by a report of how it went
        // ("… còn lúng túng"), unless the question asks how it went.
        if ((question.AsksForRule || (question.Frames & (Frame.Manner | Frame.Procedure | Frame.Duties)) != 0) &&
            !question.AsksForReport && reading.Reports.Count > 0)
        {
            return false;
        }

        if (question.AsksForProcedure && !DescribesProcedure(reading.Tokens, passage))
        {
            return false;
        }

        // "Bí thư chi bộ có được kiêm … không?", "… do ai bầu ra?": a passage that does not say "kiêm", "bầu" states nothing about it.
        if (question.Focus.Action is { } action &&
            !FocusCoverage.States(action.Run, action.Index, heading, PassageReading.Of(passage.Text).Whole))
        {
            return false;
        }

        // "Đảng viên có được kinh doanh không?" asks a rule for the member: a sentence about someone else's business states none.
        if (question.AsksForRule && question.Roles.Count > 0 && !Concerns(question, reading, position, passage))
        {
            return false;
        }

        // A question in parts is fitted by a sentence that gives at least one of them.
        return question.Asks == Ask.None || ProceduralAsks.Parts(question.Asks).Any(a => ProceduralAsks.Gives(a, sentence, question));
    }

    /// <summary>
    /// Whether the rule a sentence states concerns a role the question names: named in the sentence or the heading, or —
    /// for a directive without a subject ("Thường xuyên kiểm tra …") — the one an earlier sentence of its passage gives it to.
    /// </summary>
    private static bool Concerns(QuestionAnalysis question, SentenceReading sentence, int position, SearchHit passage)
    {
        bool Named(IEnumerable<RoleMention> mentions) => mentions.Any(m => question.Roles.Any(r => RoleLexicon.Overlap(r, m.Role)));
        if (Named(sentence.Roles) || PassageReading.RolesOf(passage.Heading).Any(h => question.Roles.Any(r => RoleLexicon.Overlap(r, h))))
        {
            return true;
        }

        if (sentence.Obligation.HasSubject)
        {
            return false;
        }

        foreach (var earlier in PassageReading.Of(passage.Text).Sentences.Take(position).Reverse())
        {
            var read = earlier.Obligation;
            if (read.HasSubject)
            {
                return read.Subjects.Any(s => question.Roles.Any(r => RoleLexicon.Overlap(r, s)));
            }
        }

        return false;
    }

    /// <summary>
    /// A date or year; for a question about a named document as a whole ("Nghị quyết 03 ban hành ngày
    /// nào?"), a date that goes with that document: in its own text, or right after its number.
    /// </summary>
    private static bool Dated(QuestionAnalysis question, SentenceReading sentence, SearchHit passage)
    {
        var times = sentence.Facts.Where(f => f.Kind == FactKind.Time && !f.IsStatusDate).ToList();
        if (times.Count == 0)
        {
            // "Có hiệu lực từ khi nào?" — "từ ngày ký": an event answers as well as a date. "Khi nào lập đảng bộ bộ phận?" —
            // "khi cần thiết": a task falls due on a condition or a rhythm too; a question for a year or a date is not so answered.
            return QuestionLexicon.EventTimes.AnyIn(sentence.Tokens) ||
                (question.Frames.HasFlag(Frame.Schedule) &&
                 (QuestionLexicon.ConditionCues.AnyIn(sentence.Tokens) || sentence.Facts.Any(f => f.Kind == FactKind.Frequency)));
        }

        if (question.References.Count == 0 || !question.Focus.IsEmpty && !question.Focus.FromCommonWords)
        {
            return true;
        }

        // In the document's own text a date is the document's, unless the sentence names another one: "Quy định 294 … có
        // hiệu lực từ 1/7/2025" in Quy định 213's text dates Quy định 294.
        var mentions = sentence.Documents;
        if (question.References.Any(r => passage.OwnKeys.Contains(r.QueryKey)) &&
            mentions.All(m => question.References.Any(r => r.SameAs(m.Reference))))
        {
            return true;
        }

        return times.Any(t => t.DatesDocument && mentions.Any(m => question.References.Any(r => r.SameAs(m.Reference)) && m.End <= t.Start && t.Start - m.End <= 8));
    }

    private static readonly Lazy<PhraseSet<bool>> NumberLabels = new(() => new PhraseSet<bool>(WordLists.Rows(WordLists.NumberLabels).Select(r => (r[0], true))));

    /// <summary>
    /// "bao nhiêu uỷ viên" asks for a number of uỷ viên ("7 nhiệm vụ", "100% chi uỷ"); "phải đạt bao nhiêu?"
    /// for any number. A list item's number, a date, a document's number and a label's number ("Điều 1",
    /// "Nhiệm vụ 4") count nothing.
    /// </summary>
    private static bool Counts(QuestionAnalysis question, string sentence, IReadOnlyList<Fact> facts)
    {
        var offset = sentence.Length - ListMarker.Strip(sentence).Length;
        var tokens = TextTokens.Of(sentence).Where(t => t.Start >= offset).ToList();
        var labels = NumberLabels.Value.FindAll(tokens);
        var noun = question.CountedNoun?.Split(' ');
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.Text.Any(char.IsAsciiDigit) ||
                labels.Any(l => l.End == i) ||
                facts.Any(f => (f.Kind is FactKind.Time or FactKind.Document) && f.Start <= token.Start && token.End <= f.End))
            {
                continue;
            }

            if (noun is null || noun.SequenceEqual(tokens.Skip(i + 1).Take(noun.Length).Select(t => t.Folded)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A place: anything "tại" introduces ("lưu tại chi bộ nơi công tác"), what a body is sent "về" ("phân về chi bộ thôn"), or a name after "ở" ("ở Hà Nội").</summary>
    private static bool Placed(string sentence) => PlaceNamed().IsMatch(sentence);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\p{L})((tại|về)\s+\p{L}|ở\s+\p{Lu})")]
    private static partial System.Text.RegularExpressions.Regex PlaceNamed();

    /// <summary>Whether the passage sets out a procedure: it or its heading names one ("thủ tục", "quy trình", "các bước"), or it is a numbered step.</summary>
    private static bool DescribesProcedure(IReadOnlyList<TextToken> sentence, SearchHit passage) =>
        QuestionLexicon.Frames.FindAll(sentence).Any(m => m.Value.HasFlag(Frame.Procedure)) ||
        QuestionLexicon.Frames.FindAll(PassageReading.Of(passage.Text).Whole.Tokens).Any(m => m.Value.HasFlag(Frame.Procedure)) ||
        QuestionLexicon.Frames.FindAll(PassageReading.Text(passage.Heading).Tokens).Any(m => m.Value.HasFlag(Frame.Procedure)) ||
        StepOrder.IsNumberedStep(passage);
}
