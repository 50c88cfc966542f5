using PartyAssistant.Documents;

namespace PartyAssistant.Quizzes;

/// <summary>A quiz as a Word handout: title and notices, the numbered questions, a page break, the answer key with citations.</summary>
public static class QuizDocxWriter
{
    public static WordDocumentBuilder Build(Quiz quiz)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        var word = new WordDocumentBuilder().Title(QuizText.Title(quiz));
        foreach (var notice in quiz.Notices)
        {
            word.Paragraph(notice, italic: true);
        }

        word.Heading(1, QuizText.QuestionsHeading);
        AppendQuestions(word, quiz.Items);
        word.PageBreak().Heading(1, QuizText.AnswersHeading);
        AppendAnswerKey(word, quiz.Items, QuizCitationStyle.LabelAndPassageId);
        return word;
    }

    /// <summary>The numbered questions, each with its lettered choices indented under it.</summary>
    public static void AppendQuestions(WordDocumentBuilder word, IReadOnlyList<QuizItem> items)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            word.NumberedItem(i + 1, QuizText.QuestionLine(item));
            for (var c = 0; c < item.Choices.Count; c++)
            {
                word.Indented($"{QuizItem.Letter(c)}. ", item.Choices[c], level: 1);
            }
        }
    }

    /// <summary>The numbered answer key; the handout quotes each sentence under its line ("Trích: “…”"), the outline's line holds the quote.</summary>
    public static void AppendAnswerKey(WordDocumentBuilder word, IReadOnlyList<QuizItem> items, QuizCitationStyle style)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            word.NumberedItem(i + 1, QuizText.AnswerLine(items[i], style));
            if (style == QuizCitationStyle.LabelAndPassageId)
            {
                word.Indented("Trích: ", $"“{items[i].Quote}”", level: 1);
            }
        }
    }

    public static Task WriteAsync(Quiz quiz, string path, CancellationToken cancellationToken) => Build(quiz).SaveAsync(path, cancellationToken);
}
