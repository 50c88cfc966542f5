using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Answering;
using PartyAssistant.Conversations;

namespace PartyAssistant.Channels.Zalo;

/// <summary>
/// The Zalo Bot Platform bot, by polling or webhook: each text message kept in the inbox (a
/// redelivered message_id is answered once), answered with citations in plain text under
/// 2,000 characters, with "đang soạn…" shown while working.
/// </summary>
public sealed class ZaloBot(
    ZaloBotClient client,
    ChannelInbox inbox,
    ChannelStore store,
    ChatAssistant assistant,
    IOptions<ZaloBotOptions> options,
    TimeProvider clock,
    ILogger<ZaloBot> logger)
{
    public const string Channel = "zalo-bot";
    public const string SecretHeader = "X-Bot-Api-Secret-Token";

    /// <summary>Where <c>serve</c> receives the platform's updates.</summary>
    public const string WebhookPath = "/webhooks/zalo-bot";

    // The platform takes a webhook secret of 8 to 256 characters.
    private const int MinSecretLength = 8;
    private const int MaxSecretLength = 256;

    public static bool IsValidSecret(string secret) => secret.Length is >= MinSecretLength and <= MaxSecretLength;

    private readonly QuestionRateLimiter limiter = new(options.Value.QuestionsPerMinutePerUser, clock);

    /// <summary>Polls until stopped; network faults and platform errors are logged and retried.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        await this.ResumeAsync(stopping).ConfigureAwait(false);
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (await client.GetUpdateAsync(stopping).ConfigureAwait(false) is { } update)
                {
                    await this.AcceptAsync(update, update.ToJsonString(), stopping).ConfigureAwait(false);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (InvalidOperationException)
            {
                throw; // no token: nothing to retry
            }
            catch (Exception e)
            {
                failures++;
                var wait = RetryBackoff.After(failures);
                logger.LogWarning("Lỗi khi lấy tin từ Zalo Bot ({Error}); thử lại sau {Seconds} giây.", e.Message, wait.TotalSeconds);
                await RetryBackoff.PauseAsync(wait, clock, stopping).ConfigureAwait(false); // on stop, the loop's condition ends it
            }
        }
    }

    /// <summary>The webhook: 401 and no work without the right secret header; otherwise 200 at once.</summary>
    public async Task<(int Status, Task Handled)> HandleWebhookAsync(string? secret, string rawBody, CancellationToken cancellationToken)
    {
        var expected = options.Value.WebhookSecret;
        if (expected.Length < MinSecretLength || !WebhookSecret.Matches(expected, secret))
        {
            logger.LogWarning("Webhook Zalo Bot: sai hoặc thiếu {Header}; từ chối.", SecretHeader);
            return (401, Task.CompletedTask);
        }

        JsonObject? update;
        try
        {
            update = JsonNode.Parse(rawBody) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return (400, Task.CompletedTask);
        }

        // Some deliveries wrap the update as {ok, result}; both are accepted.
        update = update?["result"] as JsonObject ?? update;
        return update is null ? (400, Task.CompletedTask) : (200, await this.AcceptAsync(update, update.ToJsonString(), cancellationToken).ConfigureAwait(false));
    }

    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        foreach (var payload in await store.PendingInboxAsync(Channel, cancellationToken).ConfigureAwait(false))
        {
            if (JsonNode.Parse(payload) is JsonObject update && Read(update) is { } message)
            {
                _ = inbox.Run(Channel, message.Id, message.Chat, ct => this.AnswerAsync(message, ct));
            }
        }
    }

    private async Task<Task> AcceptAsync(JsonObject update, string payload, CancellationToken cancellationToken)
    {
        if (Read(update) is not { } message)
        {
            return Task.CompletedTask; // stickers, images: nothing to answer
        }

        var handled = await inbox.AcceptAsync(Channel, message.Id, payload, message.Chat, ct => this.AnswerAsync(message, ct), cancellationToken).ConfigureAwait(false);
        return handled;
    }

    private Task AnswerAsync(TextMessage message, CancellationToken cancellationToken)
    {
        var (command, argument) = TextCommand.Parse(message.Text);
        var incoming = new IncomingMessage(new ConversationKey(Channel, message.Chat, message.User), message.IsGroup, command, argument);
        return assistant.HandleAsync(incoming, new Sender(client, message.Chat, logger), this.limiter, cancellationToken);
    }

    private static TextMessage? Read(JsonObject update)
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
            : new TextMessage(id, chat, user, text, message["chat"]?["chat_type"]?.ToString() == "GROUP");
    }

    private sealed record TextMessage(string Id, string Chat, string User, string Text, bool IsGroup);

    private sealed class Sender(ZaloBotClient client, string chat, ILogger logger) : IReplySender
    {
        public ChannelCapabilities Capabilities { get; } = new(ZaloBotClient.MaxTextLength, Buttons: false);

        public async Task SendTextAsync(IncomingMessage to, string text, CancellationToken cancellationToken)
        {
            foreach (var part in MessageSplitter.Split(text, ZaloBotClient.MaxTextLength - 50))
            {
                try
                {
                    await client.SendMessageAsync(chat, part, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is ZaloApiException or HttpRequestException or Polly.ExecutionRejectedException)
                {
                    logger.LogError("Không gửi được tin Zalo Bot tới {Chat}: {Error}", chat, e.Message);
                    return;
                }
            }
        }

        public Task SendAnswerAsync(IncomingMessage to, GroundedAnswer answer, long answerId, CancellationToken cancellationToken) =>
            this.SendTextAsync(to, PlainAnswerText.Format(answer), cancellationToken);

        public async Task<T> WhileTypingAsync<T>(IncomingMessage to, Func<Task<T>> work, CancellationToken cancellationToken)
        {
            try
            {
                await client.SendTypingAsync(chat, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ZaloApiException or HttpRequestException or Polly.ExecutionRejectedException)
            {
                logger.LogDebug(e, "sendChatAction Zalo thất bại");
            }

            return await work().ConfigureAwait(false);
        }
    }
}
