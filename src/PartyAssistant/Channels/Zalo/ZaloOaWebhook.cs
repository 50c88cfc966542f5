using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Answering;
using PartyAssistant.Conversations;

namespace PartyAssistant.Channels.Zalo;

/// <summary>
/// The OA webhook: the signature checked in constant time (401 and no work when wrong or missing),
/// a user_send_text event kept in the inbox and answered in the background, 200 at once (Zalo
/// wants it within 2 seconds), and a redelivered msg_id answered once.
/// </summary>
public sealed class ZaloOaWebhook(
    ChannelInbox inbox,
    ChannelStore store,
    ChatAssistant assistant,
    ZaloOaClient client,
    IOptions<ZaloOaOptions> options,
    TimeProvider clock,
    ILogger<ZaloOaWebhook> logger)
{
    /// <summary>Where <c>serve</c> receives the Official Account's events.</summary>
    public const string WebhookPath = "/webhooks/zalo-oa";

    public const string Channel = "zalo-oa";

    private readonly QuestionRateLimiter limiter = new(options.Value.QuestionsPerMinutePerUser, clock);

    /// <summary>The status code to answer, and the handling task (for tests and the load bench).</summary>
    public async Task<(int Status, Task Handled)> HandleAsync(string? signature, string rawBody, CancellationToken cancellationToken)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(rawBody) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            json = null;
        }

        var timestamp = json?["timestamp"]?.ToString() ?? string.Empty;
        if (!ZaloSignature.Verify(signature, options.Value.AppId, rawBody, timestamp, options.Value.SecretKey))
        {
            logger.LogWarning("Webhook Zalo OA: chữ ký {Header} sai hoặc thiếu; từ chối.", ZaloSignature.Header);
            return (401, Task.CompletedTask);
        }

        if (json is null || Read(json) is not { } message)
        {
            return (200, Task.CompletedTask); // other events (follow, seen…) need no answer
        }

        var handled = await inbox.AcceptAsync(Channel, message.Id, rawBody, message.User, ct => this.AnswerAsync(message, ct), cancellationToken).ConfigureAwait(false);
        return (200, handled);
    }

    /// <summary>Answers what the inbox held when the host stopped or crashed.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        foreach (var payload in await store.PendingInboxAsync(Channel, cancellationToken).ConfigureAwait(false))
        {
            // The inbox holds only events the webhook accepted, so the same reader serves both.
            if (JsonNode.Parse(payload) is JsonObject json && Read(json) is { } message)
            {
                _ = inbox.Run(Channel, message.Id, message.User, ct => this.AnswerAsync(message, ct));
            }
        }
    }

    private Task AnswerAsync(TextMessage message, CancellationToken cancellationToken)
    {
        var (command, argument) = TextCommand.Parse(message.Text);
        var incoming = new IncomingMessage(new ConversationKey(Channel, message.User, message.User), IsGroup: false, command, argument);
        return assistant.HandleAsync(incoming, new Sender(client, store, message.Id, message.User), this.limiter, cancellationToken);
    }

    /// <summary>A user_send_text event with a sender id and a msg_id; null for anything else.</summary>
    private static TextMessage? Read(JsonObject json) =>
        json["event_name"]?.ToString() == "user_send_text" &&
        json["sender"]?["id"]?.ToString() is { Length: > 0 } user &&
        json["message"]?["msg_id"]?.ToString() is { Length: > 0 } id
            ? new TextMessage(id, user, json["message"]?["text"]?.ToString() ?? string.Empty)
            : null;

    private sealed record TextMessage(string Id, string User, string Text);

    /// <summary>Plain text under 2,000 characters a message, parts in order.</summary>
    private sealed class Sender(ZaloOaClient client, ChannelStore store, string eventId, string user) : IReplySender
    {
        public ChannelCapabilities Capabilities { get; } = new(ZaloOaClient.MaxTextLength, Buttons: false);

        private int sends;

        public async Task SendTextAsync(IncomingMessage to, string text, CancellationToken cancellationToken)
        {
            // Each part is known by the event, the send and its place: when the event is handled again after an outage,
            // the parts the user already has are skipped.
            var send = ++this.sends;
            var parts = MessageSplitter.Split(text, ZaloOaClient.MaxTextLength - 50);
            for (var i = 0; i < parts.Count; i++)
            {
                var key = $"{send}.{i}";
                if (await store.IsPartDeliveredAsync(Channel, eventId, key, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                switch (await client.SendTextAsync(user, parts[i], cancellationToken).ConfigureAwait(false))
                {
                    case ZaloDelivery.Delivered:
                        await store.MarkPartDeliveredAsync(Channel, eventId, key, CancellationToken.None).ConfigureAwait(false);
                        break;
                    case ZaloDelivery.Deferred:
                        throw new DeliveryDeferredException("Zalo OA chưa nhận tin nhắn");
                    default:
                        return; // the rest would be refused the same way
                }
            }
        }

        public Task SendAnswerAsync(IncomingMessage to, GroundedAnswer answer, long answerId, CancellationToken cancellationToken) =>
            this.SendTextAsync(to, PlainAnswerText.Format(answer), cancellationToken);

        public Task<T> WhileTypingAsync<T>(IncomingMessage to, Func<Task<T>> work, CancellationToken cancellationToken) => work();
    }
}
