using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Hosting;

namespace PartyAssistant.Channels.Zalo;

/// <summary>
/// How the Zalo Bot Platform's updates come in, by long polling or by webhook; either way they go
/// through the channel dispatcher (a redelivered message_id is answered once).
/// </summary>
public sealed partial class ZaloBot(ZaloBotClient client, ChannelDispatcher dispatcher, IOptions<ZaloBotOptions> options, TimeProvider clock, ILogger<ZaloBot> logger)
{
    public const string Channel = ZaloBotEvents.Channel;
    public const string SecretHeader = "X-Bot-Api-Secret-Token";

    /// <summary>Where <c>serve</c> receives the platform's updates.</summary>
    public const string WebhookPath = "/webhooks/zalo-bot";

    // The platform takes a webhook secret of 8 to 256 characters.
    private const int MinSecretLength = 8;
    private const int MaxSecretLength = 256;

    public static bool IsValidSecret(string secret) => secret.Length is >= MinSecretLength and <= MaxSecretLength;

    /// <summary>Polls until stopped; network faults and platform errors are logged and retried. A missing token throws.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (await client.GetUpdateAsync(stopping).ConfigureAwait(false) is { } update)
                {
                    await dispatcher.AcceptAsync(Channel, update.ToJsonString(), stopping).ConfigureAwait(false);
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
                // An update fetched but not stored is fetched again: the platform keeps it until a later poll.
                failures++;
                var wait = RetryBackoff.After(failures);
                LogPollFailed(logger, CredentialScrubber.Scrub(e.Message), wait.TotalSeconds);
                await RetryBackoff.PauseAsync(wait, clock, stopping).ConfigureAwait(false); // on stop, the loop's condition ends it
            }
        }
    }

    /// <summary>Whether a webhook request carries the right secret header: checked before its body is read.</summary>
    public bool IsAuthorized(string? secret)
    {
        var expected = options.Value.WebhookSecret;
        if (expected.Length < MinSecretLength || !WebhookSecret.Matches(expected, secret))
        {
            LogRejected(logger, SecretHeader);
            return false;
        }

        return true;
    }

    /// <summary>The webhook: 401 and no work without the right secret header; 200 once stored; 503 when it cannot be.</summary>
    public async Task<(int Status, Task Handled)> HandleWebhookAsync(string? secret, string rawBody, CancellationToken cancellationToken)
    {
        if (!this.IsAuthorized(secret))
        {
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
        if (update is null)
        {
            return (400, Task.CompletedTask);
        }

        return await dispatcher.ReceiveAsync(Channel, update.ToJsonString(), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lỗi khi lấy tin từ Zalo Bot ({Error}); thử lại sau {Seconds} giây.")]
    private static partial void LogPollFailed(ILogger logger, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook Zalo Bot: sai hoặc thiếu {Header}; từ chối.")]
    private static partial void LogRejected(ILogger logger, string header);
}
