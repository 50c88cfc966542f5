using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PartyAssistant.Channels.Zalo;

/// <summary>
/// The OA webhook: the signature checked in constant time (401 and no work when wrong or missing),
/// a user_send_text event kept in the inbox and answered in the background, 200 at once (Zalo
/// wants it within 2 seconds), a redelivered msg_id answered once, and 503 when the event cannot be kept.
/// </summary>
public sealed partial class ZaloOaWebhook(
    ChannelDispatcher dispatcher,
    IOptions<ZaloOaOptions> options,
    IOptions<WebhookOptions> webhooks,
    TimeProvider clock,
    ILogger<ZaloOaWebhook> logger)
{
    /// <summary>Where <c>serve</c> receives the Official Account's events.</summary>
    public const string WebhookPath = "/webhooks/zalo-oa";

    public const string Channel = ZaloOaEvents.Channel;

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
            LogRejected(logger, ZaloSignature.Header);
            return (401, Task.CompletedTask);
        }

        if (json is null)
        {
            return (400, Task.CompletedTask);
        }

        // Zalo stamps each event in milliseconds; one outside the window is a replay, not a message (its dedup mark may be gone).
        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var stamp)
            || stamp > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(stamp)).Duration() > webhooks.Value.EventWindow)
        {
            LogOutsideWindow(logger, timestamp, webhooks.Value.EventWindowMinutes);
            return (400, Task.CompletedTask);
        }

        return await dispatcher.ReceiveAsync(Channel, rawBody, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook Zalo OA: chữ ký {Header} sai hoặc thiếu; từ chối.")]
    private static partial void LogRejected(ILogger logger, string header);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook Zalo OA: sự kiện có timestamp {Timestamp} ngoài khoảng ±{Minutes} phút; từ chối.")]
    private static partial void LogOutsideWindow(ILogger logger, string timestamp, double minutes);
}
