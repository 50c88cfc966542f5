using PartyAssistant.Documents;

namespace PartyAssistant.Quizzes;

/// <summary>A quiz as a Word handout: title and notices, the numbered questions, a page break, the answer key with citations.</summary>
public static class QuizDocxWriter
{
    public static WordDocumentBuilder Build(Quiz quiz)
    {
        var word = new WordDocumentBuilder().Title(QuizText.Title(quiz));
        foreach (var notice in quiz.Notices)
        {
            word.Paragraph(notice, italic: true);
        }

        word.Heading(1, "Câu hỏi");
        for (var i = 0; i < quiz.Items.Count; i++)
        {
            var item = quiz.Items[i];
            word.NumberedItem(i + 1, item.Question);
            for (var c = 0; c < item.Choices.Count; c++)
            {
                word.Indented($"{QuizItem.Letter(c)}. ", item.Choices[c], level: 1);
            }
        }

        word.PageBreak().Heading(1, "Đáp án");
        for (var i = 0; i < quiz.Items.Count; i++)
        {
            word.NumberedItem(i + 1, QuizText.AnswerLine(quiz.Items[i]));
            word.Indented("Trích: ", $"“{quiz.Items[i].Quote}”", level: 1);
        }

        return word;
    }

    public static Task WriteAsync(Quiz quiz, string path, CancellationToken cancellationToken) => Build(quiz).SaveAsync(path, cancellationToken);
}
