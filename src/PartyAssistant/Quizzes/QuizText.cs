using System.Text;

namespace PartyAssistant.Quizzes;

/// <summary>How an answer-key line cites the passage its answer comes from.</summary>
public enum QuizCitationStyle
{
    /// <summary>The quiz handout: the full label and the passage id ("[Kết luận … · Mục II.3, ý 3] (kl-tu-nq03/II.3.3)"); the quote goes on a line of its own.</summary>
    LabelAndPassageId,

    /// <summary>
    /// The session outline, which names its document once in the header: the quote and the label
    /// without the document's name on the one line ("— “…” [Mục II.3, ý 3]"); a true/false answer
    /// gives the explanation, which names the wrong fact too.
    /// </summary>
    ShortLabel,
}

/// <summary>The wording every quiz format shares: the title, an answer-key line, the questions and the key in Markdown.</summary>
public static class QuizText
{
    public const string QuestionsHeading = "Câu hỏi";

    public const string AnswersHeading = "Đáp án";

    public static string Title(Quiz quiz) =>
        quiz.Section is null ? $"Câu hỏi ôn tập: {quiz.DocumentName}" : $"Câu hỏi ôn tập: {quiz.DocumentName}, mục {quiz.Section}";

    /// <summary>
    /// The answer-key line of <paramref name="item"/>: "B. 40 tuổi. [Kết luận … · Mục II.3, ý 3] (kl-tu-nq03/II.3.3)"
    /// for the handout, "B. 40 tuổi. — “…” [Mục II.3, ý 3]" for the outline. A false statement's line gives the right fact.
    /// </summary>
    public static string AnswerLine(QuizItem item, QuizCitationStyle style = QuizCitationStyle.LabelAndPassageId)
    {
        ArgumentNullException.ThrowIfNull(item);
        var answer = item switch
        {
            { Type: QuizItemType.MultipleChoice } => $"{item.AnswerLetter}. {item.Answer}.",
            { Type: QuizItemType.TrueFalse, Explanation: { Length: > 0 } explanation } when style == QuizCitationStyle.ShortLabel => $"{explanation.TrimEnd('.')}.",
            { Type: QuizItemType.TrueFalse, Answer: QuizItem.False } => $"Sai — văn bản ghi “{item.Fact}”.",
            _ => $"{item.Answer}.",
        };
        if (item.PassedTarget is { } target)
        {
            answer += $" Mốc “{target}” đã qua; văn bản đặt mốc này, câu hỏi không nói mốc đã đạt.";
        }
        return style == QuizCitationStyle.ShortLabel
            ? $"{answer} — “{item.Quote}” [{LocalLabel(item.Label)}]"
            : $"{answer} [{item.Label}] ({item.PassageId})";
    }

    /// <summary>The question as shown: a target whose year has ended says so ("mốc đã qua").</summary>
    public static string QuestionLine(QuizItem item) =>
        item.PassedTarget is { } target ? $"{item.Question} (mốc đã qua: {target})" : item.Question;

    /// <summary>A passage label without the document's name ("Mục II.1, ý 1"), for a text that names the document once.</summary>
    public static string LocalLabel(string label) =>
        label.IndexOf(" · ", StringComparison.Ordinal) is var cut and >= 0 ? label[(cut + 3)..] : label;

    public static string Markdown(Quiz quiz)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Title(quiz)).AppendLine();
        foreach (var notice in quiz.Notices)
        {
            md.Append("> ").AppendLine(notice).AppendLine();
        }

        md.Append("## ").AppendLine(QuestionsHeading).AppendLine();
        AppendQuestions(md, quiz.Items, QuizCitationStyle.LabelAndPassageId);
        md.Append("## ").AppendLine(AnswersHeading).AppendLine();
        AppendAnswerKey(md, quiz.Items, QuizCitationStyle.LabelAndPassageId);
        return md.ToString();
    }

    /// <summary>
    /// The numbered questions, each with its lettered choices. The handout leaves a blank line after
    /// each question; the outline keeps them as one list.
    /// </summary>
    public static void AppendQuestions(StringBuilder md, IReadOnlyList<QuizItem> items, QuizCitationStyle style)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            md.Append(i + 1).Append(". ").AppendLine(QuestionLine(item));
            for (var c = 0; c < item.Choices.Count; c++)
            {
                md.Append("   - ").Append(QuizItem.Letter(c)).Append(". ").AppendLine(item.Choices[c]);
            }

            if (style == QuizCitationStyle.LabelAndPassageId)
            {
                md.AppendLine();
            }
        }
    }

    /// <summary>The numbered answer key; the handout quotes each sentence under its line, the outline's line holds the quote.</summary>
    public static void AppendAnswerKey(StringBuilder md, IReadOnlyList<QuizItem> items, QuizCitationStyle style)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            md.Append(i + 1).Append(". ").AppendLine(AnswerLine(items[i], style));
            if (style == QuizCitationStyle.LabelAndPassageId)
            {
                md.Append("   > ").AppendLine(items[i].Quote);
            }
        }
    }
}
