using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Hosting;

namespace PartyAssistant.Channels.Telegram;

/// <summary>
/// The webhook endpoint's logic, free of any web framework: the secret header checked in constant
/// time (401 and no work when wrong), a repeated update_id answered once, 200 as soon as the update
/// is safely kept, and 503 when it cannot be kept, so Telegram sends it again later.
/// </summary>
public sealed partial class TelegramWebhook(ChannelDispatcher dispatcher, IOptions<TelegramOptions> options, ILogger<TelegramWebhook> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public async Task<int> HandleAsync(string? secret, Stream body, CancellationToken cancellationToken)
    {
        var expected = options.Value.WebhookSecret;
        if (string.IsNullOrEmpty(expected) || !WebhookSecret.Matches(expected, secret))
        {
            LogRejected(logger, SecretHeader);
            return 401;
        }

        // A body cut short or over the size limit fails here, in the web server's words (413, 400), not as 503.
        using var reader = new StreamReader(body, Encoding.UTF8);
        var payload = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(payload))
        {
            return 400;
        }

        // Kept in the inbox before Telegram hears 200, then handled in the background in the
        // chat's order: a redelivery is dropped, and a crash mid-way is replayed at the next start.
        return (await dispatcher.ReceiveAsync(TelegramUpdateHandler.Channel, payload, cancellationToken).ConfigureAwait(false)).Status;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook Telegram: sai hoặc thiếu {Header}; từ chối.")]
    private static partial void LogRejected(ILogger logger, string header);
}
