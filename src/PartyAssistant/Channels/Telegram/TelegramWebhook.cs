using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace PartyAssistant.Channels.Telegram;

/// <summary>
/// The webhook endpoint's logic, free of any web framework: the secret header checked in constant
/// time (401 and no work when wrong), a repeated update_id answered once, and 200 even when
/// handling fails, so Telegram does not resend what would fail again.
/// </summary>
public sealed class TelegramWebhook(TelegramUpdateProcessor processor, IOptions<TelegramOptions> options, ILogger<TelegramWebhook> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public async Task<int> HandleAsync(string? secret, Stream body, CancellationToken cancellationToken)
    {
        var expected = options.Value.WebhookSecret;
        if (string.IsNullOrEmpty(expected) || secret is null ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(expected)))
        {
            logger.LogWarning("Webhook Telegram: sai hoặc thiếu {Header}; từ chối.", SecretHeader);
            return 401;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(body, JsonBotAPI.Options, cancellationToken).ConfigureAwait(false);
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
            await processor.ProcessOnceAsync(update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Webhook Telegram: lỗi khi xử lý cập nhật {Id}", update.Id);
        }

        return 200;
    }
}
