using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace PartyAssistant.Channels.Zalo;

/// <summary>The Zalo Bot Platform's Telegram-like API: every method a POST with JSON to {base}/bot{token}/{method}.</summary>
public sealed class ZaloBotClient(HttpClient http, IOptions<ZaloBotOptions> options)
{
    public const int MaxTextLength = 2000;

    /// <summary>One update, or null when the long poll ended without one (HTTP 408).</summary>
    public async Task<JsonObject?> GetUpdateAsync(CancellationToken cancellationToken)
    {
        var timeout = Math.Clamp(options.Value.PollTimeoutSeconds, 1, 50);
        using var response = await this.PostAsync("getUpdates", new JsonObject { ["timeout"] = timeout.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            return null;
        }

        return await ResultAsync(response, cancellationToken).ConfigureAwait(false) as JsonObject;
    }

    public async Task SendMessageAsync(string chatId, string text, CancellationToken cancellationToken)
    {
        using var response = await this.PostAsync("sendMessage", new JsonObject { ["chat_id"] = chatId, ["text"] = text }, cancellationToken).ConfigureAwait(false);
        await ResultAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task SendTypingAsync(string chatId, CancellationToken cancellationToken)
    {
        using var response = await this.PostAsync("sendChatAction", new JsonObject { ["chat_id"] = chatId, ["action"] = "typing" }, cancellationToken).ConfigureAwait(false);
        await ResultAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetWebhookAsync(string url, string secret, CancellationToken cancellationToken)
    {
        using var response = await this.PostAsync("setWebhook", new JsonObject { ["url"] = url, ["secret_token"] = secret }, cancellationToken).ConfigureAwait(false);
        await ResultAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> PostAsync(string method, JsonObject body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Token))
        {
            throw new InvalidOperationException("Chưa có token Zalo Bot: đặt biến môi trường Zalo__Bot__Token bằng token được cấp khi tạo bot.");
        }

        return http.PostAsJsonAsync($"{options.Value.ApiBaseUrl.TrimEnd('/')}/bot{options.Value.Token}/{method}", body, cancellationToken);
    }

    private static async Task<JsonNode?> ResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
        if (body?["ok"]?.GetValue<bool>() != true)
        {
            throw new ZaloApiException(body?["error_code"]?.GetValue<int>() ?? (int)response.StatusCode, body?["description"]?.ToString() ?? response.ReasonPhrase ?? "lỗi không rõ");
        }

        return body["result"];
    }
}
