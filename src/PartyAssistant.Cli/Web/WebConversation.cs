using PartyAssistant.Conversations;

namespace PartyAssistant.Cli.Web;

/// <summary>
/// A web conversation: an id the server makes (32 hex digits) and the page sends back with each follow-up. The web
/// has no accounts, so the conversation is the user too: its salted hash is what the question log keeps.
/// </summary>
public static class WebConversation
{
    public const string Channel = "web";

    public static string NewId() => Guid.NewGuid().ToString("N");

    public static string? Problem(string id) =>
        id.Length == 32 && id.All(char.IsAsciiHexDigitLower) ? null : "conversation_id không hợp lệ: dùng đúng mã mà câu trả lời trước trả về (32 chữ số hex), hoặc bỏ trống để bắt đầu cuộc trò chuyện mới.";

    public static ConversationKey Key(string id) => new(Channel, id, id);
}
