using System.Text.Json.Serialization;

namespace PartyAssistant.Cli.Web;

/// <summary>`POST /api/ask`: a question, and the conversation it follows up (absent for a new one).</summary>
public sealed record AskRequest(
    [property: JsonPropertyName("question")] string? Question,
    [property: JsonPropertyName("conversation_id")] string? ConversationId);

/// <summary>`POST /api/feedback`: 👍 (helpful) or 👎 on an answer given in the conversation.</summary>
public sealed record FeedbackRequest(
    [property: JsonPropertyName("answer_id")] long? AnswerId,
    [property: JsonPropertyName("conversation_id")] string? ConversationId,
    [property: JsonPropertyName("helpful")] bool? Helpful);

public sealed record FeedbackResponse(
    [property: JsonPropertyName("answer_id")] long AnswerId,
    [property: JsonPropertyName("helpful")] bool Helpful,
    [property: JsonPropertyName("message")] string Message);

/// <summary>`POST /api/quiz`: a document (or one of its sections), how many questions, and json, md or docx.</summary>
public sealed record QuizApiRequest(
    [property: JsonPropertyName("document_id")] string? DocumentId,
    [property: JsonPropertyName("section")] string? Section,
    [property: JsonPropertyName("count")] int? Count,
    [property: JsonPropertyName("format")] string? Format);

/// <summary>`POST /api/outline`: a document (or one of its sections), the session's minutes, who it is for (chi bộ by default), and json, md or docx.</summary>
public sealed record OutlineApiRequest(
    [property: JsonPropertyName("document_id")] string? DocumentId,
    [property: JsonPropertyName("section")] string? Section,
    [property: JsonPropertyName("minutes")] int? Minutes,
    [property: JsonPropertyName("format")] string? Format,
    [property: JsonPropertyName("audience")] string? Audience = null);
