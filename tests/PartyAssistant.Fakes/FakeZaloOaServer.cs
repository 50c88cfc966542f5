using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PartyAssistant.Fakes;

/// <summary>
/// An in-process Zalo Official Account Open API on a real Kestrel socket (127.0.0.1, dynamic port). One base URL serves
/// both the message API (<c>POST /v3.0/oa/message/cs</c>) and the OAuth API (<c>POST /v4/oa/access_token</c>), so it can be
/// configured as ApiBaseUrl and OAuthBaseUrl alike. Like the real service it reports errors inside HTTP 200 bodies
/// (<c>{"error":-216,…}</c>) and rotates refresh tokens on every refresh (single use). Thread-safe.
/// Also helps tests play Zalo's side of the webhook: <see cref="UserSendTextEvent"/>, <see cref="Sign"/>, <see cref="PostSignedEventAsync"/>.
/// </summary>
public sealed class FakeZaloOaServer : IAsyncDisposable
{
    public const int MaxTextLength = 2000;

    // Raw UTF-8 like the real service, so Vietnamese text stays readable in recorded traffic.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly LoopbackHost _host;
    private readonly HttpClient _eventClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Lock _gate = new();
    private readonly string _appId;
    private readonly string _appSecret;

    // ---- state (all guarded by _gate)
    private string _accessToken;
    private string _refreshToken;
    private readonly HashSet<string> _expiredAccessTokens = new(StringComparer.Ordinal);
    private readonly Queue<(int Code, string Message)> _sendFaults = new();
    private int _faultsAfter;
    private readonly List<ZaloSentMessage> _sent = [];
    private TaskCompletionSource _recorded = FakeWait.NewSignal();
    private int _refreshCount;
    private int _rejectedRefreshCount;
    private int _sendAttemptCount;

    private FakeZaloOaServer(string appId, string appSecret, string accessToken, string refreshToken)
    {
        (_appId, _appSecret, _accessToken, _refreshToken) = (appId, appSecret, accessToken, refreshToken);
        _host = new LoopbackHost(app =>
        {
            app.MapPost("/v3.0/oa/message/cs", (RequestDelegate)HandleSendAsync);
            app.MapPost("/v4/oa/access_token", (RequestDelegate)HandleTokenAsync);
        });
    }

    /// <summary>http://127.0.0.1:PORT, without a trailing slash: both the API and the OAuth base URL.</summary>
    public Uri BaseUrl { get; private set; } = null!; // set by StartAsync before anyone can see the instance

    public string AppId => _appId;

    public string AppSecret => _appSecret;

    public static async Task<FakeZaloOaServer> StartAsync(
        string appId = "app-123", string appSecret = "app-secret", string initialAccessToken = "access-1", string initialRefreshToken = "refresh-1")
    {
        var server = new FakeZaloOaServer(appId, appSecret, initialAccessToken, initialRefreshToken);
        await server._host.StartAsync(CancellationToken.None);
        server.BaseUrl = server._host.Address();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _eventClient.Dispose();
    }

    // ================================================================ control and observation

    /// <summary>The access token the fake issued last (possibly expired by <see cref="ExpireAccessToken"/>).</summary>
    public string CurrentAccessToken { get { lock (_gate) return _accessToken; } }

    /// <summary>The only refresh token the fake accepts right now.</summary>
    public string CurrentRefreshToken { get { lock (_gate) return _refreshToken; } }

    /// <summary>Successful refreshes.</summary>
    public int RefreshCount { get { lock (_gate) return _refreshCount; } }

    /// <summary>Refresh requests answered with an error (reused token, wrong secret_key, bad parameters).</summary>
    public int RejectedRefreshCount { get { lock (_gate) return _rejectedRefreshCount; } }

    /// <summary>Every call to the message API, failed ones included.</summary>
    public int SendAttemptCount { get { lock (_gate) return _sendAttemptCount; } }

    public IReadOnlyList<ZaloSentMessage> SentMessages { get { lock (_gate) return _sent.ToArray(); } }

    /// <summary>How long a send takes to be answered after it is recorded: the window in which a client that dies has
    /// delivered a message without hearing so.</summary>
    public TimeSpan SendLatency { get; set; }

    /// <summary>Makes the current access token expired: sends with it get -220 until the client refreshes.</summary>
    public void ExpireAccessToken()
    {
        lock (_gate) _expiredAccessTokens.Add(_accessToken);
    }

    /// <summary>The next <paramref name="count"/> sends with a valid token fail with this error (e.g. -32, -213, -230).</summary>
    /// <summary>Zalo is back: the scripted failures not yet used are dropped.</summary>
    public void ClearSendFaults()
    {
        lock (_gate)
        {
            _sendFaults.Clear();
            _faultsAfter = 0;
        }
    }

    /// <summary>After <paramref name="successes"/> more messages are accepted, the next <paramref name="count"/> sends fail.</summary>
    public void FailSendAfter(int successes, int count, int errorCode, string message)
    {
        lock (_gate)
        {
            _faultsAfter = successes;
            for (var i = 0; i < count; i++)
                _sendFaults.Enqueue((errorCode, message));
        }
    }

    public void FailNextSend(int count, int errorCode, string message)
    {
        lock (_gate)
            for (var i = 0; i < count; i++)
                _sendFaults.Enqueue((errorCode, message));
    }

    /// <summary>Waits until at least <paramref name="count"/> messages were sent in total; returns the <paramref name="count"/>-th.</summary>
    public Task<ZaloSentMessage> WaitForMessagesAsync(int count, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return FakeWait.UntilAsync(_gate, () => _sent.Count >= count ? _sent[count - 1] : null, () => _recorded.Task, timeout,
            () => $"Expected at least {count} Zalo OA message(s) within {timeout.TotalSeconds:0.###} s, but the fake received {_sent.Count} "
                  + $"({_sendAttemptCount} send attempt(s), {_refreshCount} refresh(es), {_rejectedRefreshCount} rejected).",
            ct);
    }

    // ================================================================ webhook helpers (Zalo's side)

    /// <summary>The X-ZEvent-Signature value: "mac=" + lowercase hex SHA-256 of app_id + raw body + timestamp + OA secret key.</summary>
    public static string Sign(string appId, string rawBody, string timestamp, string oaSecretKey) =>
        "mac=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appId + rawBody + timestamp + oaSecretKey)));

    /// <summary>The raw JSON of a <c>user_send_text</c> event. user_id_by_app deliberately differs from sender.id
    /// (as it does on Zalo), so a client that replies to the wrong id is caught.</summary>
    public static string UserSendTextEvent(string appId, string userId, string oaId, string text, string msgId, long timestampMs) =>
        new JsonObject
        {
            ["app_id"] = appId,
            ["user_id_by_app"] = "byapp-" + userId,
            ["event_name"] = "user_send_text",
            ["timestamp"] = timestampMs.ToString(CultureInfo.InvariantCulture),
            ["sender"] = new JsonObject { ["id"] = userId },
            ["recipient"] = new JsonObject { ["id"] = oaId },
            ["message"] = new JsonObject { ["text"] = text, ["msg_id"] = msgId },
        }.ToJsonString(JsonOptions);

    /// <summary>POSTs <paramref name="rawBody"/> as application/json, with X-ZEvent-Signature when <paramref name="signatureHeader"/> is not null.</summary>
    public Task<HttpResponseMessage> PostSignedEventAsync(Uri webhookUrl, string rawBody, string? signatureHeader, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new StringContent(rawBody, Encoding.UTF8, "application/json") };
        if (signatureHeader is not null)
            request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", signatureHeader);
        return _eventClient.SendAsync(request, ct);
    }

    // ================================================================ handlers

    private async Task HandleSendAsync(HttpContext ctx)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _host.Stopping);
        try
        {
            var (stamp, now) = (Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow);
            var token = ctx.Request.Headers["access_token"].ToString();
            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(cts.Token);
            JsonObject? json = null;
            try { json = JsonNode.Parse(body) as JsonObject; }
            catch (JsonException) { } // answered as invalid parameters below

            JsonObject reply;
            lock (_gate)
            {
                _sendAttemptCount++;
                reply = SendLocked(token, json, stamp, now);
            }

            if (SendLatency > TimeSpan.Zero)
                await Task.Delay(SendLatency, cts.Token);
            await WriteJsonAsync(ctx, reply, cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            ctx.Abort();
        }
    }

    private JsonObject SendLocked(string token, JsonObject? json, long stamp, DateTimeOffset now)
    {
        if (_expiredAccessTokens.Contains(token))
            return Error(-220, "Access token has expired");
        if (token.Length == 0 || token != _accessToken)
            return Error(-216, "Access token is invalid");
        if (_faultsAfter > 0 && _sendFaults.Count > 0)
            _faultsAfter--;
        else if (_sendFaults.TryDequeue(out var fault))
            return Error(fault.Code, fault.Message);

        var userId = Str(json?["recipient"]?["user_id"]);
        var text = Str(json?["message"]?["text"]);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
            return Error(-201, "Parameters are invalid");

        var messageId = Guid.NewGuid().ToString("N");
        _sent.Add(new ZaloSentMessage(userId, text, token, stamp, now) { MessageId = messageId });
        FakeWait.Pulse(ref _recorded);
        return new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["user_id"] = userId,
                ["sent_time"] = now.ToUnixTimeMilliseconds(),
                ["quota"] = null,
            },
            ["error"] = 0,
            ["message"] = "Success",
        };
    }

    private async Task HandleTokenAsync(HttpContext ctx)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _host.Stopping);
        try
        {
            var form = ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync(cts.Token) : null;
            var secret = ctx.Request.Headers["secret_key"].ToString();
            JsonObject reply;
            lock (_gate)
            {
                reply = RefreshLocked(secret, form);
                if (reply.ContainsKey("error"))
                    _rejectedRefreshCount++;
            }

            await WriteJsonAsync(ctx, reply, cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            ctx.Abort();
        }
    }

    private JsonObject RefreshLocked(string secret, IFormCollection? form)
    {
        if (secret != _appSecret)
            return OAuthError(-118, "Invalid secret key", "secret_key header does not match the app secret");
        if (form is null || form["app_id"].ToString() != _appId)
            return OAuthError(-14001, "Invalid app id", "app_id is missing or unknown");
        if (form["grant_type"].ToString() != "refresh_token")
            return OAuthError(-14003, "Invalid grant type", "grant_type must be refresh_token");
        if (form["refresh_token"].ToString() is var presented && (presented.Length == 0 || presented != _refreshToken))
            return OAuthError(-14014, "Invalid refresh token", "refresh_token is invalid, expired or already used");

        // Single use and rotated: the old refresh token and the old access token stop working.
        _refreshCount++;
        _accessToken = $"access-{_refreshCount + 1}";
        _refreshToken = $"refresh-{_refreshCount + 1}";
        return new JsonObject { ["access_token"] = _accessToken, ["refresh_token"] = _refreshToken, ["expires_in"] = "90000" };
    }

    private static JsonObject Error(int code, string message) => new() { ["error"] = code, ["message"] = message };

    private static JsonObject OAuthError(int code, string name, string description) =>
        new() { ["error"] = code, ["error_name"] = name, ["error_description"] = description };

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    // Zalo answers errors with HTTP 200 too: the status is always 200 here.
    private static Task WriteJsonAsync(HttpContext ctx, JsonObject body, CancellationToken ct)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(body.ToJsonString(JsonOptions), ct);
    }
}
