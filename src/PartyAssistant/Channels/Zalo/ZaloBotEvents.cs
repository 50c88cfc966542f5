using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Answering;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Conversations;
using PartyAssistant.Hosting;

namespace PartyAssistant.Channels.Zalo;

/// <summary>
/// The Zalo Bot Platform's part of the channel contract: a text message read from its update, answered
/// with citations in plain text under 2,000 characters, "đang soạn…" shown while working, each part sent once.
/// </summary>
public sealed partial class ZaloBotEvents(
    ChatAssistant assistant,
    ZaloBotClient client,
    OutboxStore deliveries,
    IOptions<ZaloBotOptions> options,
    IOptions<DeliveryOptions> delivery,
    ILogger<ZaloBotEvents> logger)
    : IChannelEventHandler
{
    public const string Channel = "zalo-bot";

    string IChannelEventHandler.Channel => Channel;

    public int QuestionsPerMinutePerUser => options.Value.QuestionsPerMinutePerUser;

    /// <summary>A text message; null for anything else (stickers, images: nothing to answer).</summary>
    public ChannelEvent? Read(string payload) => JsonNode.Parse(payload) is JsonObject update ? Read(update) : null;

    public static ChannelEvent? Read(JsonObject update)
    {
        if (update["event_name"]?.ToString() != "message.text.received" || update["message"] is not JsonObject message)
        {
            return null;
        }

        var id = message["message_id"]?.ToString();
        var chat = message["chat"]?["id"]?.ToString();
        var user = message["from"]?["id"]?.ToString() ?? chat;
        var text = message["text"]?.ToString();
        return id is null || chat is null || user is null || text is null
            ? null
            : new ChannelEvent(id, chat, new TextMessage(id, chat, user, text, message["chat"]?["chat_type"]?.ToString() == "GROUP"));
    }

    public Task HandleAsync(ChannelEvent channelEvent, QuestionRateLimiter limiter, CancellationToken cancellationToken)
    {
        var message = (TextMessage)channelEvent.Message;
        var (command, argument) = TextCommand.Parse(message.Text);
        var incoming = new IncomingMessage(new ConversationKey(Channel, message.Chat, message.User), message.IsGroup, command, argument);
        return assistant.HandleAsync(incoming, new Sender(client, deliveries, message.Id, message.Chat, delivery.Value.MaxPartsPerAnswer, logger), limiter, cancellationToken);
    }

    /// <summary>
    /// Whether a failed call may succeed later: no connection, a timeout or open circuit, the platform's 5xx or 429,
    /// or a body that is not the platform's JSON (a proxy's error page). A refusal (400, 401, 403) will not.
    /// </summary>
    public static bool IsTransient(Exception e) => e switch
    {
        HttpRequestException or Polly.ExecutionRejectedException or System.Text.Json.JsonException => true,
        ZaloApiException api => api.Code is >= 500 or 429 or -32,
        _ => false,
    };

    private sealed record TextMessage(string Id, string Chat, string User, string Text, bool IsGroup);

    private sealed class Sender(ZaloBotClient client, OutboxStore deliveries, string eventId, string chat, int maxParts, ILogger logger) : IReplySender
    {
        private int sends;

        public ChannelCapabilities Capabilities { get; } = new(ZaloBotClient.MaxTextLength, Buttons: false);

        public async Task SendTextAsync(IncomingMessage to, string text, CancellationToken cancellationToken)
        {
            // Parts known by event, send and place: after an outage the event is handled again and only the rest goes out.
            var parts = ReplyParts.Limit(MessageSplitter.Split(text, ZaloBotClient.MaxTextLength - 50), maxParts);
            await deliveries.SendPartsAsync(Channel, eventId, ++this.sends, parts.Count, async i =>
            {
                try
                {
                    await client.SendMessageAsync(chat, parts[i], cancellationToken).ConfigureAwait(false);
                    return PartSent.Delivered;
                }
                catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
                {
                    throw new DeliveryDeferredException($"Zalo Bot chưa nhận tin nhắn: {e.Message}");
                }
                catch (ZaloApiException e)
                {
                    LogRefused(logger, chat, CredentialScrubber.Scrub(e.Message));
                    return PartSent.Refused;
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        public Task SendAnswerAsync(IncomingMessage to, GroundedAnswer answer, long answerId, CancellationToken cancellationToken) =>
            this.SendTextAsync(to, PlainAnswerText.Format(answer), cancellationToken);

        public async Task<T> WhileTypingAsync<T>(IncomingMessage to, Func<Task<T>> work, CancellationToken cancellationToken)
        {
            try
            {
                await client.SendTypingAsync(chat, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ZaloApiException || IsTransient(e))
            {
                LogTypingFailed(logger, CredentialScrubber.Scrub(e.Message));
            }

            return await work().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo Bot từ chối tin nhắn tới {Chat}: {Error}")]
    private static partial void LogRefused(ILogger logger, string chat, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "sendChatAction Zalo thất bại: {Error}")]
    private static partial void LogTypingFailed(ILogger logger, string error);
}
