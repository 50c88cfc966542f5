using System.Text.Json.Nodes;

namespace PartyAssistant.Fakes;

/// <summary>One button of an inline keyboard the bot sent.</summary>
public sealed record InlineButton(string Text, string? CallbackData, string? Url);

/// <summary>
/// A message the bot sent (sendMessage) or edited (editMessageText / editMessageReplyMarkup), as the fake accepted it.
/// <paramref name="Text"/> is the raw text as sent; <paramref name="PlainText"/> what Telegram shows after parse_mode.
/// <paramref name="ReceivedTimestamp"/> is a <see cref="System.Diagnostics.Stopwatch"/> timestamp, for latency measurements.
/// </summary>
public sealed record SentMessage(
    long ChatId,
    long MessageId,
    string Text,
    string? ParseMode,
    string PlainText,
    string? ReplyMarkupJson,
    DateTimeOffset ReceivedAt,
    long ReceivedTimestamp)
{
    /// <summary>reply_parameters.message_id (or the older reply_to_message_id), when the bot replied to a message.</summary>
    public long? ReplyToMessageId { get; init; }

    public long? MessageThreadId { get; init; }

    /// <summary>The inline keyboard, row by row; empty when the message has none.</summary>
    public IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboard { get; init; } = [];

    /// <summary>Every callback_data of the inline keyboard, in reading order.</summary>
    public IReadOnlyList<string> CallbackData => [.. InlineKeyboard.SelectMany(row => row).Select(b => b.CallbackData).OfType<string>()];
}

/// <summary>Any request that reached a method with the right token. <paramref name="Method"/> is the canonical
/// name ("sendMessage") whatever case the client used; <paramref name="Parameters"/> merges query, form and JSON body.</summary>
public sealed record RecordedCall(string Method, JsonObject Parameters, DateTimeOffset ReceivedAt, long ReceivedTimestamp);

/// <summary>A call the fake answered with ok:false (validation, scripted faults, flood limit, interceptor errors).</summary>
public sealed record FailedCall(string Method, int ErrorCode, string Description, DateTimeOffset ReceivedAt);

/// <summary>An accepted answerCallbackQuery, joined with the callback it answers.</summary>
public sealed record AnsweredCallback(
    string CallbackQueryId,
    string? Text,
    bool ShowAlert,
    long ChatId,
    long UserId,
    long MessageId,
    string? Data,
    DateTimeOffset ReceivedAt,
    long ReceivedTimestamp);

/// <summary>Telegram's documented flood limits, enforced on sendMessage: at most <paramref name="PerChatPerSecond"/> messages
/// per chat in any second and, in groups (negative chat ids), <paramref name="PerGroupPerMinute"/> in any minute.</summary>
public sealed record TelegramFloodLimit(int PerChatPerSecond = 1, int PerGroupPerMinute = 20, int RetryAfterSeconds = 1);

/// <summary>What the fake answers instead of the normal behaviour; build one with the factory methods.</summary>
public abstract record FakeTelegramReply
{
    private FakeTelegramReply() { }

    /// <summary>{"ok":true,"result":…} with HTTP 200.</summary>
    public static FakeTelegramReply Ok(JsonNode? result, string? description = null) => new OkReply(result, description);

    /// <summary>{"ok":false,"error_code":status,"description":…,"parameters":{"retry_after":N}} with the same HTTP status.</summary>
    public static FakeTelegramReply Error(int status, string description, int? retryAfter = null) =>
        new ErrorReply(status, description, retryAfter);

    /// <summary>429 exactly as Telegram words it.</summary>
    public static FakeTelegramReply TooManyRequests(int retryAfter) =>
        new ErrorReply(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);

    /// <summary>Any body, e.g. the HTML page a proxy returns on 502.</summary>
    public static FakeTelegramReply Raw(int status, string body, string contentType = "text/html") => new RawReply(status, body, contentType);

    /// <summary>Waits, then answers with <paramref name="then"/>; ends early (dropping the connection) if the client aborts.</summary>
    public static FakeTelegramReply Delayed(TimeSpan delay, FakeTelegramReply then) => new DelayedReply(delay, then);

    /// <summary>Never answers; the request ends when the client gives up or the server stops.</summary>
    public static FakeTelegramReply Hang() => new DelayedReply(Timeout.InfiniteTimeSpan, new RawReply(504, "", "text/plain"));

    public sealed record OkReply(JsonNode? Result, string? Description) : FakeTelegramReply;

    public sealed record ErrorReply(int Status, string Description, int? RetryAfter) : FakeTelegramReply;

    public sealed record RawReply(int Status, string Body, string ContentType) : FakeTelegramReply;

    public sealed record DelayedReply(TimeSpan Delay, FakeTelegramReply Then) : FakeTelegramReply;
}
