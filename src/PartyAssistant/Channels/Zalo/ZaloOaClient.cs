using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Hosting;

namespace PartyAssistant.Channels.Zalo;

/// <summary>
/// Sends OA customer-service messages. Zalo reports errors inside HTTP 200 bodies: an invalid or
/// expired token (-216/-220) is refreshed once and the message retried; a rate limit (-32) backs
/// off; a user who does not follow the OA or is outside the interaction window (-213/-230) is
/// logged and the message dropped.
/// </summary>
public sealed partial class ZaloOaClient(HttpClient http, ZaloOaTokens tokens, IOptions<ZaloOaOptions> options, ILogger<ZaloOaClient> logger)
{
    public const int MaxTextLength = 2000;

    // Not a Zalo code: the request never got an answer (refused connection, timeout, unreadable reply).
    private const int NetworkError = int.MinValue;

    /// <summary>
    /// Delivered; Refused when Zalo will not take it (the user has not followed the OA, or a lasting error);
    /// Deferred when Zalo could not be reached or asked to slow down (-32): worth trying again later.
    /// </summary>
    public async Task<ZaloDelivery> SendTextAsync(string userId, string text, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        var refreshed = false;
        while (true)
        {
            var error = await this.PostAsync(userId, text, token, cancellationToken).ConfigureAwait(false);
            switch (error.Code)
            {
                case 0:
                    return ZaloDelivery.Delivered;
                case -216 or -220 when !refreshed:
                    token = await tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
                    refreshed = true;
                    continue;
                case NetworkError:
                    LogNoConnection(logger, CredentialScrubber.Scrub(error.Message), userId);
                    return ZaloDelivery.Deferred;
                case -32 or >= 500:
                    LogBusy(logger, error.Code, userId);
                    return ZaloDelivery.Deferred;
                case -213 or -230:
                    LogOutOfWindow(logger, userId, error.Code, CredentialScrubber.Scrub(error.Message));
                    return ZaloDelivery.Refused;
                default:
                    LogRefused(logger, userId, error.Code, CredentialScrubber.Scrub(error.Message));
                    return ZaloDelivery.Refused;
            }
        }
    }

    private async Task<(int Code, string Message)> PostAsync(string userId, string text, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{options.Value.ApiBaseUrl.TrimEnd('/')}/v3.0/oa/message/cs")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["recipient"] = new JsonObject { ["user_id"] = userId },
                ["message"] = new JsonObject { ["text"] = text },
            }),
        };
        request.Headers.Add("access_token", token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
            return (body?["error"]?.GetValue<int>() ?? (int)response.StatusCode, body?["message"]?.GetValue<string>() ?? response.ReasonPhrase ?? string.Empty);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or Polly.ExecutionRejectedException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (NetworkError, e.Message); // backed off and retried like a rate limit, but told apart from one
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không kết nối được Zalo OA ({Error}); tin nhắn tới {User} được giữ để gửi lại.")]
    private static partial void LogNoConnection(ILogger logger, string error, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo OA giới hạn tốc độ hoặc đang lỗi ({Code}); tin nhắn tới {User} được giữ để gửi lại.")]
    private static partial void LogBusy(ILogger logger, int code, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không gửi được tới người dùng {User} ({Code}: {Error}): người dùng chưa quan tâm OA hoặc đã quá thời hạn tương tác; bỏ tin nhắn.")]
    private static partial void LogOutOfWindow(ILogger logger, string user, int code, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo OA từ chối tin nhắn tới {User}: {Code} {Error}")]
    private static partial void LogRefused(ILogger logger, string user, int code, string error);
}

public enum ZaloDelivery
{
    Delivered,
    Refused,
    Deferred,
}
