using PartyAssistant.Documents;
using PartyAssistant.Quizzes;

namespace PartyAssistant.Outlines;

/// <summary>
/// The outline as a Word document a trainer can edit and print: Word headings per part (they show
/// in the navigation pane), key points as bullets with their [citation], the figures, the
/// discussion questions, the quick check, and the answer key on a page of its own so the quiz page
/// can be handed out.
/// </summary>
public static class OutlineDocxWriter
{
    public static WordDocumentBuilder Build(SessionOutline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        var document = outline.Document;
        var word = new WordDocumentBuilder()
            .Title(OutlineText.Title(outline))
            .Paragraph(OutlineText.InfoLine(document), italic: true)
            .Paragraph(OutlineText.Duration(outline), bold: true);
        foreach (var notice in document.Notices)
        {
            word.Paragraph($"Lưu ý: {notice}", bold: true);
        }

        word.Paragraph(OutlineText.CitationNote(outline), italic: true);

        word.Heading(1, OutlineText.PlanHeading);
        foreach (var slot in outline.TimePlan)
        {
            word.Bullet($"{slot.Activity}: {OutlineText.Minutes(slot.Minutes)}");
        }

        word.Paragraph($"Tổng: {OutlineText.Minutes(outline.TimePlan.Sum(s => s.Minutes))}", bold: true);

        word.Heading(1, OutlineText.WithMinutes(SessionTimePlanner.Introduction, outline.MinutesOf(SessionTimePlanner.Introduction)));
        foreach (var line in OutlineText.Introduction(document, outline.Audience))
        {
            word.Bullet(line);
        }

        foreach (var part in outline.Parts)
        {
            word.Heading(1, OutlineText.WithMinutes(part.Heading, part.Minutes));
            foreach (var topic in part.Topics)
            {
                if (topic.Heading is not null)
                {
                    word.Heading(2, topic.Heading);
                }

                foreach (var point in topic.KeyPoints)
                {
                    word.Bullet(KeyPointLine(point));
                }
            }
        }

        word.Heading(1, OutlineText.FiguresHeading);
        if (outline.Figures.Count == 0)
        {
            word.Paragraph("Văn bản không nêu số liệu hay mốc thời gian cụ thể.");
        }

        foreach (var figure in outline.Figures)
        {
            word.Bullet($"{OutlineText.Facts(figure)}: {figure.Sentence} {OutlineText.Cite(figure.Source)}");
        }

        word.Heading(1, OutlineText.WithMinutes(OutlineText.QuestionsHeading, outline.MinutesOf(SessionTimePlanner.Discussion)));
        for (var i = 0; i < outline.Questions.Count; i++)
        {
            word.NumberedItem(i + 1, $"{outline.Questions[i].Question} {OutlineText.Cite(outline.Questions[i].Source)}");
        }

        if (outline.Quiz.Count > 0)
        {
            WriteQuiz(word, outline);
        }

        return word;
    }

    /// <summary>A key point as the document shows it: the quote, then its citation.</summary>
    public static string KeyPointLine(KeyPoint point) => $"{point.Quote} {OutlineText.Cite(point.Source)}";

    public static Task WriteAsync(SessionOutline outline, string path, CancellationToken cancellationToken) =>
        Build(outline).SaveAsync(path, cancellationToken);

    private static void WriteQuiz(WordDocumentBuilder word, SessionOutline outline)
    {
        word.Heading(1, OutlineText.WithMinutes(OutlineText.QuizHeading, outline.MinutesOf(SessionTimePlanner.QuickCheck)));
        QuizDocxWriter.AppendQuestions(word, outline.Quiz);
        word.PageBreak().Heading(1, OutlineText.AnswersHeading);
        QuizDocxWriter.AppendAnswerKey(word, outline.Quiz, QuizCitationStyle.ShortLabel);
    }
}
