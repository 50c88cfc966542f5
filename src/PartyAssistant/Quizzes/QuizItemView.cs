using System.Text.Json.Serialization;

namespace PartyAssistant.Quizzes;

/// <summary>A quiz question with its answer and citation, as `quiz --format json` and `POST /api/quiz` give it.</summary>
public sealed record QuizItemView(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("choices")] IReadOnlyList<string> Choices,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("answer_choice")] string? AnswerChoice,
    [property: JsonPropertyName("statement")] string Statement,
    [property: JsonPropertyName("fact")] string Fact,
    [property: JsonPropertyName("explanation")] string? Explanation,
    [property: JsonPropertyName("passed_target")] string? PassedTarget,
    [property: JsonPropertyName("passage_id")] string PassageId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("quote")] string Quote)
{
    public static QuizItemView From(QuizItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new QuizItemView(item.Type.JsonName(), item.Question, item.Choices, item.Answer, item.AnswerLetter.Length == 0 ? null : item.AnswerLetter,
            item.Statement, item.Fact, item.Explanation, item.PassedTarget, item.PassageId, item.Label, item.Quote);
    }
}
