using System.Text;

namespace PartyAssistant.Quizzes;

/// <summary>The wording every quiz format shares: the title, an answer-key line, the Markdown handout.</summary>
public static class QuizText
{
    public static string Title(Quiz quiz) =>
        quiz.Section is null ? $"Câu hỏi ôn tập: {quiz.DocumentName}" : $"Câu hỏi ôn tập: {quiz.DocumentName}, mục {quiz.Section}";

    /// <summary>"B. 40 tuổi. [Kết luận … · Mục II.3, ý 3] (kl-tu-nq03/II.3.3)"; a false statement's line gives the right fact.</summary>
    public static string AnswerLine(QuizItem item)
    {
        var answer = item switch
        {
            { Type: QuizItemType.MultipleChoice } => $"{item.AnswerLetter}. {item.Answer}.",
            { Type: QuizItemType.TrueFalse, Answer: QuizItem.False } => $"Sai — văn bản ghi “{item.Fact}”.",
            _ => $"{item.Answer}.",
        };
        return $"{answer} [{item.Label}] ({item.PassageId})";
    }

    public static string Markdown(Quiz quiz)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Title(quiz)).AppendLine();
        foreach (var notice in quiz.Notices)
        {
            md.Append("> ").AppendLine(notice).AppendLine();
        }

        md.AppendLine("## Câu hỏi").AppendLine();
        for (var i = 0; i < quiz.Items.Count; i++)
        {
            var item = quiz.Items[i];
            md.Append(i + 1).Append(". ").AppendLine(item.Question);
            for (var c = 0; c < item.Choices.Count; c++)
            {
                md.Append("   - ").Append(QuizItem.Letter(c)).Append(". ").AppendLine(item.Choices[c]);
            }

            md.AppendLine();
        }

        md.AppendLine("## Đáp án").AppendLine();
        for (var i = 0; i < quiz.Items.Count; i++)
        {
            md.Append(i + 1).Append(". ").AppendLine(AnswerLine(quiz.Items[i]));
            md.Append("   > ").AppendLine(quiz.Items[i].Quote);
        }

        return md.ToString();
    }
}
