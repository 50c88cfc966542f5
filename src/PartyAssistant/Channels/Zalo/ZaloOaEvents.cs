using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PartyAssistant.Answering;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Conversations;

namespace PartyAssistant.Channels.Zalo;

/// <summary>
/// The Official Account's part of the channel contract: a user_send_text event read from its JSON and
/// answered in plain text under 2,000 characters a message, parts in order, each part sent once.
/// </summary>
public sealed class ZaloOaEvents(ChatAssistant assistant, ZaloOaClient client, OutboxStore deliveries, IOptions<ZaloOaOptions> options, IOptions<DeliveryOptions> delivery)
    : IChannelEventHandler
{
    public const string Channel = "zalo-oa";

    string IChannelEventHandler.Channel => Channel;

    public int QuestionsPerMinutePerUser => options.Value.QuestionsPerMinutePerUser;

    /// <summary>A user_send_text event with a sender id and a msg_id; null for anything else (follow, seen…).</summary>
    public ChannelEvent? Read(string payload) => JsonNode.Parse(payload) is JsonObject json ? Read(json) : null;

    public static ChannelEvent? Read(JsonObject json) =>
        json["event_name"]?.ToString() == "user_send_text" &&
        json["sender"]?["id"]?.ToString() is { Length: > 0 } user &&
        json["message"]?["msg_id"]?.ToString() is { Length: > 0 } id
            ? new ChannelEvent(id, user, new TextMessage(id, user, json["message"]?["text"]?.ToString() ?? string.Empty))
            : null;

    public Task HandleAsync(ChannelEvent channelEvent, QuestionRateLimiter limiter, CancellationToken cancellationToken)
    {
        var message = (TextMessage)channelEvent.Message;
        var (command, argument) = TextCommand.Parse(message.Text);
        var incoming = new IncomingMessage(new ConversationKey(Channel, message.User, message.User), IsGroup: false, command, argument);
        return assistant.HandleAsync(incoming, new Sender(client, deliveries, message.Id, message.User, delivery.Value.MaxPartsPerAnswer), limiter, cancellationToken);
    }

    private sealed record TextMessage(string Id, string User, string Text);

    /// <summary>Plain text under 2,000 characters a message, parts in order.</summary>
    private sealed class Sender(ZaloOaClient client, OutboxStore deliveries, string eventId, string user, int maxParts) : IReplySender
    {
        public ChannelCapabilities Capabilities { get; } = new(ZaloOaClient.MaxTextLength, Buttons: false);

        private int sends;

        public async Task SendTextAsync(IncomingMessage to, string text, CancellationToken cancellationToken)
        {
            var parts = ReplyParts.Limit(MessageSplitter.Split(text, ZaloOaClient.MaxTextLength - 50), maxParts);
            await deliveries.SendPartsAsync(Channel, eventId, ++this.sends, parts.Count, async i =>
                await client.SendTextAsync(user, parts[i], cancellationToken).ConfigureAwait(false) switch
                {
                    ZaloDelivery.Delivered => PartSent.Delivered,
                    ZaloDelivery.Deferred => throw new DeliveryDeferredException("Zalo OA chưa nhận tin nhắn"),
                    _ => PartSent.Refused,
                }, cancellationToken).ConfigureAwait(false);
        }

        public Task SendAnswerAsync(IncomingMessage to, GroundedAnswer answer, long answerId, CancellationToken cancellationToken) =>
            this.SendTextAsync(to, PlainAnswerText.Format(answer), cancellationToken);

        public Task<T> WhileTypingAsync<T>(IncomingMessage to, Func<Task<T>> work, CancellationToken cancellationToken) => work();
    }
}
