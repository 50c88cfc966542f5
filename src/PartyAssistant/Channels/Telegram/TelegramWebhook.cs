using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace PartyAssistant.Channels.Telegram;

/// <summary>
/// The webhook endpoint's logic, free of any web framework: the secret header checked in constant
/// time (401 and no work when wrong), a repeated update_id answered once, and 200 as soon as the
/// update is safely kept, even when handling it later fails, so Telegram does not resend it.
/// </summary>
public sealed class TelegramWebhook(TelegramUpdateProcessor processor, ChannelStore store, IOptions<TelegramOptions> options, ILogger<TelegramWebhook> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Replays what the inbox held when the host stopped or crashed.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        foreach (var payload in await store.PendingInboxAsync(TelegramUpdateHandler.Channel, cancellationToken).ConfigureAwait(false))
        {
            _ = processor.Dispatch(JsonSerializer.Deserialize<Update>(payload, JsonBotAPI.Options)!);
        }
    }


    public async Task<int> HandleAsync(string? secret, Stream body, CancellationToken cancellationToken)
    {
        var expected = options.Value.WebhookSecret;
        if (string.IsNullOrEmpty(expected) || !WebhookSecret.Matches(expected, secret))
        {
            logger.LogWarning("Webhook Telegram: sai hoặc thiếu {Header}; từ chối.", SecretHeader);
            return 401;
        }

        string payload;
        Update? update;
        try
        {
            using var reader = new StreamReader(body, Encoding.UTF8);
            payload = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            update = JsonSerializer.Deserialize<Update>(payload, JsonBotAPI.Options);
        }
        catch (JsonException e)
        {
            logger.LogWarning("Webhook Telegram: nội dung không đọc được ({Error}).", e.Message);
            return 400;
        }

        if (update is null)
        {
            return 400;
        }

        try
        {
            // Kept in the inbox before Telegram hears 200, then handled in the background in the
            // chat's order: a redelivery is dropped, and a crash mid-way is replayed at the next start.
            await processor.AcceptAsync(update, payload, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Webhook Telegram: không nhận được cập nhật {Id}", update.Id);
        }

        return 200;
    }
}
