using System.Text;
using PartyAssistant.Quizzes;

namespace PartyAssistant.Outlines;

/// <summary>The outline as Markdown, for the screen or to paste into a chat or a wiki.</summary>
public static class OutlineMarkdownWriter
{
    public static string Write(SessionOutline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        var md = new StringBuilder();
        var document = outline.Document;
        md.Append("# ").AppendLine(OutlineText.Title(outline)).AppendLine();
        md.Append("- ").AppendLine(OutlineText.InfoLine(document));
        md.Append("- ").AppendLine(OutlineText.Duration(outline)).AppendLine();
        foreach (var notice in document.Notices)
        {
            md.Append("> **Lưu ý:** ").AppendLine(notice).AppendLine();
        }

        md.AppendLine(OutlineText.CitationNote(outline)).AppendLine();

        md.Append("## ").AppendLine(OutlineText.PlanHeading).AppendLine();
        md.AppendLine("| Nội dung | Thời gian |").AppendLine("|---|---|");
        foreach (var slot in outline.TimePlan)
        {
            md.Append("| ").Append(Cell(slot.Activity)).Append(" | ").Append(OutlineText.Minutes(slot.Minutes)).AppendLine(" |");
        }

        md.Append("| **Tổng** | **").Append(OutlineText.Minutes(outline.TimePlan.Sum(s => s.Minutes))).AppendLine("** |").AppendLine();

        md.Append("## ").AppendLine(OutlineText.WithMinutes(SessionTimePlanner.Introduction, outline.MinutesOf(SessionTimePlanner.Introduction))).AppendLine();
        foreach (var line in OutlineText.Introduction(document, outline.Audience))
        {
            md.Append("- ").AppendLine(line);
        }

        md.AppendLine();
        foreach (var part in outline.Parts)
        {
            md.Append("## ").AppendLine(OutlineText.WithMinutes(part.Heading, part.Minutes)).AppendLine();
            foreach (var topic in part.Topics)
            {
                if (topic.Heading is not null)
                {
                    md.Append("### ").AppendLine(topic.Heading).AppendLine();
                }

                foreach (var point in topic.KeyPoints)
                {
                    md.Append("- ").Append(point.Quote).Append(' ').Append(OutlineText.Cite(point.Source))
                        .Append(" (`").Append(point.Source.PassageId).AppendLine("`)");
                }

                md.AppendLine();
            }
        }

        md.Append("## ").AppendLine(OutlineText.FiguresHeading).AppendLine();
        if (outline.Figures.Count == 0)
        {
            md.AppendLine("Văn bản không nêu số liệu hay mốc thời gian cụ thể.").AppendLine();
        }
        else
        {
            md.AppendLine("| Số liệu, mốc | Câu trong văn bản | Nguồn |").AppendLine("|---|---|---|");
            foreach (var figure in outline.Figures)
            {
                md.Append("| ").Append(Cell(OutlineText.Facts(figure))).Append(" | ").Append(Cell(figure.Sentence))
                    .Append(" | ").Append(Cell(OutlineText.Cite(figure.Source))).AppendLine(" |");
            }

            md.AppendLine();
        }

        md.Append("## ").AppendLine(OutlineText.WithMinutes(OutlineText.QuestionsHeading, outline.MinutesOf(SessionTimePlanner.Discussion))).AppendLine();
        for (var i = 0; i < outline.Questions.Count; i++)
        {
            var question = outline.Questions[i];
            md.Append(i + 1).Append(". ").Append(question.Question).Append(' ').AppendLine(OutlineText.Cite(question.Source));
        }

        md.AppendLine();
        if (outline.Quiz.Count > 0)
        {
            WriteQuiz(md, outline);
        }

        return md.ToString().TrimEnd() + "\n";
    }

    private static void WriteQuiz(StringBuilder md, SessionOutline outline)
    {
        md.Append("## ").AppendLine(OutlineText.WithMinutes(OutlineText.QuizHeading, outline.MinutesOf(SessionTimePlanner.QuickCheck))).AppendLine();
        QuizText.AppendQuestions(md, outline.Quiz, QuizCitationStyle.ShortLabel);
        md.AppendLine().Append("### ").AppendLine(OutlineText.AnswersHeading).AppendLine();
        QuizText.AppendAnswerKey(md, outline.Quiz, QuizCitationStyle.ShortLabel);
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
