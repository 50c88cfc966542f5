using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Channels.Storage;

namespace PartyAssistant.Channels.Zalo;

/// <summary>
/// The OA access token, refreshed with the rotating, single-use refresh token. One refresh at a
/// time (concurrent senders wait for it and use its result); the new refresh token is stored
/// durably before the new access token is used, so a restart never holds a spent refresh token.
/// </summary>
public sealed partial class ZaloOaTokens(
    HttpClient http,
    ChannelStateStore store,
    IDataProtectionProvider protection,
    IOptions<ZaloOaOptions> options,
    TimeProvider clock,
    ILogger<ZaloOaTokens> logger)
{
    private const string AccessKey = "zalo-oa.access_token";
    private const string RefreshKey = "zalo-oa.refresh_token";
    private const string ExpiresKey = "zalo-oa.expires_at";

    // Refreshed this long before Zalo's stated expiry, so no message meets an expired token.
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(10);

    // Tokens are stored encrypted: a copied database file or backup does not give away the OA.
    private const string Protected = "dp1:";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly IDataProtector protector = protection.CreateProtector("PartyAssistant.Zalo.Oa.Tokens");

    /// <summary>The access token to use now: refreshed first when it is about to expire.</summary>
    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var token = await this.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var expires = await store.GetAsync(ExpiresKey, cancellationToken).ConfigureAwait(false);
        return expires is not null && long.TryParse(expires, System.Globalization.CultureInfo.InvariantCulture, out var at) &&
               DateTimeOffset.FromUnixTimeSeconds(at) - RefreshAhead <= clock.GetUtcNow()
            ? await this.RefreshAsync(token, cancellationToken).ConfigureAwait(false)
            : token;
    }

    private async Task<string> CurrentAsync(CancellationToken cancellationToken) =>
        await this.GetSecretAsync(AccessKey, cancellationToken).ConfigureAwait(false) ?? options.Value.AccessToken;

    private async Task<string?> GetSecretAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (stored is null || !stored.StartsWith(Protected, StringComparison.Ordinal))
        {
            return stored; // none yet, or stored before tokens were encrypted: replaced encrypted at the next refresh
        }

        try
        {
            return this.protector.Unprotect(stored[Protected.Length..]);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // The key ring was lost or replaced: the configured tokens are all that can be used.
            LogUnreadable(logger, key, e.Message);
            return null;
        }
    }

    /// <summary>A fresh access token to replace <paramref name="rejected"/>; refreshes only if nobody already did.</summary>
    public async Task<string> RefreshAsync(string rejected, CancellationToken cancellationToken)
    {
        await this.gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await this.CurrentAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(current, rejected, StringComparison.Ordinal))
            {
                return current; // refreshed by another sender while this one waited
            }

            var refresh = await this.GetSecretAsync(RefreshKey, cancellationToken).ConfigureAwait(false) ?? options.Value.RefreshToken;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{options.Value.OAuthBaseUrl.TrimEnd('/')}/v4/oa/access_token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["refresh_token"] = refresh,
                    ["app_id"] = options.Value.AppId,
                    ["grant_type"] = "refresh_token",
                }),
            };
            request.Headers.Add("secret_key", options.Value.AppSecret);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) as JsonObject;
            var access = body?["access_token"]?.GetValue<string>();
            var next = body?["refresh_token"]?.GetValue<string>();
            if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(next))
            {
                throw new ZaloApiException(body?["error"]?.GetValue<int>() ?? (int)response.StatusCode,
                    $"Không làm mới được access token Zalo OA: {body?["error_name"] ?? body?["message"] ?? response.ReasonPhrase}. Cần cấp lại refresh token (Zalo:Oa:RefreshToken).");
            }

            // Zalo sends expires_in as a string of seconds ("90000").
            var lifetime = long.TryParse(body?["expires_in"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : 90000;
            var expiresAt = clock.GetUtcNow().AddSeconds(lifetime).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            await store.SetAsync(
                new Dictionary<string, string>
                {
                    [RefreshKey] = Protected + this.protector.Protect(next),
                    [AccessKey] = Protected + this.protector.Protect(access),
                    [ExpiresKey] = expiresAt,
                },
                cancellationToken).ConfigureAwait(false);
            LogRefreshed(logger);
            return access;
        }
        catch (JsonException e)
        {
            throw new ZaloApiException(0, $"Máy chủ OAuth của Zalo trả lời không đọc được: {e.Message}");
        }
        finally
        {
            this.gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không giải mã được {Key} đã lưu ({Error}); dùng token trong cấu hình.")]
    private static partial void LogUnreadable(ILogger logger, string key, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Đã làm mới access token Zalo OA.")]
    private static partial void LogRefreshed(ILogger logger);
}

/// <summary>An error Zalo reported (inside an HTTP 200 body, as Zalo does), with its code.</summary>
public sealed class ZaloApiException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
