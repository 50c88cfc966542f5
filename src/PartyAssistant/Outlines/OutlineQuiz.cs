using PartyAssistant.Corpus;
using PartyAssistant.Quizzes;

namespace PartyAssistant.Outlines;

/// <summary>
/// The short quiz that closes the session: five questions from the quiz generator (the same
/// questions `quiz` would give, so a trainer sees one set), with the answer key kept apart.
/// </summary>
public sealed class OutlineQuiz(QuizGenerator generator)
{
    public const int Questions = 5;

    public IReadOnlyList<QuizItem> For(CorpusLoadResult corpus, CorpusDocument document, string? section = null)
    {
        Quiz quiz;
        try
        {
            quiz = generator.Generate(corpus, new QuizRequest(document.Id, section, Questions));
        }
        catch (QuizRequestException)
        {
            // A document with no sentence that makes a question (a very short summary): the outline goes without a quiz.
            return [];
        }

        return quiz.Items;
    }
}
