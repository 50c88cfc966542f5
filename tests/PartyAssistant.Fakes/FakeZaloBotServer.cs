using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PartyAssistant.Fakes;

/// <summary>
/// An in-process Zalo Bot Platform API on a real Kestrel socket (127.0.0.1, dynamic port): <c>POST /bot{token}/{method}</c>
/// with JSON bodies and <c>{ok,result}</c> / <c>{ok:false,error_code,description}</c> replies. getUpdates long-polls and returns
/// ONE update (not an array), each only once (the platform documents no offset or ack), and 408 when none arrives in time.
/// Webhook and polling exclude each other. Thread-safe: all state sits behind one lock.
/// </summary>
public sealed class FakeZaloBotServer : IAsyncDisposable
{
    public const string DefaultToken = "12345:zalo-bot-token";
    public const int MaxTextLength = 2000;
    public const string WebhookConflictDescription = "Conflict: webhook is active";

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _token;
    private readonly LoopbackHost _host;
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Lock _gate = new();

    // ---- state (all guarded by _gate)
    private readonly List<JsonObject> _queue = [];                   // for getUpdates
    private readonly List<string> _webhookPending = [];              // message ids pushed while a webhook is set
    private readonly Dictionary<string, JsonObject> _updates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<(int Status, string Description)>> _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _calls = [];
    private readonly List<ZaloBotSentMessage> _sent = [];
    private readonly List<ZaloBotChatAction> _actions = [];
    private TaskCompletionSource _pushed = FakeWait.NewSignal();
    private TaskCompletionSource _recorded = FakeWait.NewSignal();
    private string? _webhookUrl;
    private string? _webhookSecret;

    private FakeZaloBotServer(string token)
    {
        _token = token;
        _host = new LoopbackHost(app => app.Run(HandleAsync));
    }

    /// <summary>http://127.0.0.1:PORT — the methods live under <c>/bot{token}/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!; // set by StartAsync before anyone can see the instance

    public string Token => _token;

    /// <summary>The URL of <c>/bot{token}/{method}</c>, for raw HTTP calls in tests.</summary>
    public Uri MethodUrl(string method) => new(BaseUrl, $"/bot{_token}/{method}");

    public static async Task<FakeZaloBotServer> StartAsync(string token = DefaultToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var server = new FakeZaloBotServer(token);
        await server._host.StartAsync(CancellationToken.None);
        server.BaseUrl = server._host.Address();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync(); // cancels long polls first
        _webhookClient.Dispose();
    }

    // ================================================================ control and observation

    public IReadOnlyList<ZaloBotSentMessage> SentMessages { get { lock (_gate) return _sent.ToArray(); } }

    public IReadOnlyList<ZaloBotChatAction> ChatActions { get { lock (_gate) return _actions.ToArray(); } }

    /// <summary>Every method called with the right token, as named in the URL, in arrival order.</summary>
    public IReadOnlyList<string> Calls { get { lock (_gate) return _calls.ToArray(); } }

    public string? WebhookUrl { get { lock (_gate) return _webhookUrl; } }

    public string? WebhookSecret { get { lock (_gate) return _webhookSecret; } }

    /// <summary>Updates waiting for getUpdates.</summary>
    public int PendingUpdateCount { get { lock (_gate) return _queue.Count; } }

    /// <summary>Message ids pushed while a webhook was set and not yet delivered with a 2xx answer.</summary>
    public IReadOnlyList<string> PendingWebhookMessageIds { get { lock (_gate) return _webhookPending.ToArray(); } }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> get HTTP <paramref name="status"/> with
    /// <c>{ok:false,error_code:status,description}</c>, before any validation.</summary>
    public void FailNext(string method, int count, int status, string description)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(method, out var queue))
                _faults[method] = queue = new();
            for (var i = 0; i < count; i++)
                queue.Enqueue((status, description));
        }
    }

    /// <summary>Faults queued by <see cref="FailNext"/> and not yet used are dropped: the platform is back.</summary>
    public void ClearFaults()
    {
        lock (_gate)
            _faults.Clear();
    }

    /// <summary>A user's private text message: queued for getUpdates, or kept for <see cref="DeliverToWebhookAsync"/> while a
    /// webhook is set. Returns its message_id.</summary>
    public string PushText(string chatId, string userId, string text, string displayName = "Người dùng")
    {
        var messageId = Guid.NewGuid().ToString("N");
        var update = new JsonObject
        {
            ["event_name"] = "message.text.received",
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                ["text"] = text,
                ["from"] = new JsonObject { ["id"] = userId, ["display_name"] = displayName, ["is_bot"] = false },
                ["chat"] = new JsonObject { ["id"] = chatId, ["chat_type"] = "PRIVATE" },
            },
        };
        lock (_gate)
        {
            _updates[messageId] = update;
            if (_webhookUrl is not null)
                _webhookPending.Add(messageId);
            else
            {
                _queue.Add(update);
                FakeWait.Pulse(ref _pushed);
            }
        }

        return messageId;
    }

    /// <summary>POSTs the pushed update (the bare event object, not wrapped in {ok,result}) to <paramref name="url"/>, with
    /// X-Bot-Api-Secret-Token when <paramref name="secretHeader"/> is not null. A 2xx answer removes it from the pending list.</summary>
    public async Task<HttpResponseMessage> DeliverToWebhookAsync(Uri url, string messageId, string? secretHeader, CancellationToken ct = default)
    {
        string body;
        lock (_gate)
        {
            if (!_updates.TryGetValue(messageId, out var update))
                throw new ArgumentException($"No update with message_id {messageId} was pushed.", nameof(messageId));
            body = update.ToJsonString(JsonOptions);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secretHeader is not null)
            request.Headers.TryAddWithoutValidation("X-Bot-Api-Secret-Token", secretHeader);
        var response = await _webhookClient.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
            lock (_gate) _webhookPending.Remove(messageId);
        return response;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages were sent in total; returns the <paramref name="count"/>-th.</summary>
    public Task<ZaloBotSentMessage> WaitForMessagesAsync(int count, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return FakeWait.UntilAsync(_gate, () => _sent.Count >= count ? _sent[count - 1] : null, () => _recorded.Task, timeout,
            () => $"Expected at least {count} Zalo Bot message(s) within {timeout.TotalSeconds:0.###} s, but the fake received {_sent.Count}; calls: "
                  + (_calls.Count == 0 ? "none" : string.Join(", ", _calls.GroupBy(c => c).Select(g => $"{g.Key}×{g.Count()}"))) + ".",
            ct);
    }

    // ================================================================ request handling

    private readonly record struct Reply(int Status, JsonNode? Result, string? Description)
    {
        public static Reply Ok(JsonNode? result) => new(200, result, null);
        public static Reply Error(int status, string description) => new(status, null, description);
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _host.Stopping);
        try
        {
            await WriteAsync(ctx, await DispatchAsync(ctx, cts.Token), cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            ctx.Abort(); // the client gave up or the server is stopping
        }
    }

    private async Task<Reply> DispatchAsync(HttpContext ctx, CancellationToken ct)
    {
        var path = ctx.Request.Path.Value ?? "";
        var slash = path.LastIndexOf('/');
        if (!HttpMethods.IsPost(ctx.Request.Method) || !path.StartsWith("/bot", StringComparison.Ordinal) || slash < 4)
            return Reply.Error(404, "Not Found");
        if (path[4..slash] != _token)
            return Reply.Error(401, "Unauthorized");
        var method = path[(slash + 1)..];

        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        JsonObject p;
        try { p = string.IsNullOrWhiteSpace(body) ? [] : JsonNode.Parse(body) as JsonObject ?? throw new JsonException(); }
        catch (JsonException) { return Reply.Error(400, "Bad Request: invalid JSON body"); }

        var (stamp, now) = (Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow);
        lock (_gate)
        {
            _calls.Add(method);
            if (_faults.TryGetValue(method, out var faults) && faults.TryDequeue(out var fault))
                return Reply.Error(fault.Status, fault.Description);

            switch (method.ToLowerInvariant())
            {
                case "getme":
                    return Reply.Ok(new JsonObject
                    {
                        ["id"] = "bot-1", ["account_name"] = "tro_ly_dang", ["account_type"] = "BASIC", ["can_join_groups"] = false,
                    });
                case "getupdates":
                    if (_webhookUrl is not null)
                        return Reply.Error(409, WebhookConflictDescription);
                    break; // long poll below, outside the lock
                case "setwebhook":
                    return SetWebhookLocked(p);
                case "deletewebhook":
                    _webhookUrl = _webhookSecret = null;
                    foreach (var id in _webhookPending) // undelivered updates become available to getUpdates
                        _queue.Add(_updates[id]);
                    _webhookPending.Clear();
                    FakeWait.Pulse(ref _pushed);
                    return Reply.Ok(true);
                case "getwebhookinfo":
                    return Reply.Ok(new JsonObject { ["url"] = _webhookUrl ?? "", ["pending_update_count"] = _webhookPending.Count });
                case "sendmessage":
                {
                    if (Str(p["chat_id"]) is not { Length: > 0 } chatId)
                        return Reply.Error(400, "Bad Request: chat_id is required");
                    if (Str(p["text"]) is not { Length: >= 1 and <= MaxTextLength } text)
                        return Reply.Error(400, $"Bad Request: text length must be between 1 and {MaxTextLength}");
                    var messageId = Guid.NewGuid().ToString("N");
                    _sent.Add(new ZaloBotSentMessage(chatId, text, stamp, now) { MessageId = messageId });
                    FakeWait.Pulse(ref _recorded);
                    return Reply.Ok(new JsonObject { ["message_id"] = messageId, ["date"] = now.ToUnixTimeMilliseconds() });
                }
                case "sendchataction":
                {
                    if (Str(p["chat_id"]) is not { Length: > 0 } chatId)
                        return Reply.Error(400, "Bad Request: chat_id is required");
                    if (Str(p["action"]) is not { } action || action is not ("typing" or "upload_photo"))
                        return Reply.Error(400, "Bad Request: action is invalid");
                    _actions.Add(new ZaloBotChatAction(chatId, action, stamp, now));
                    FakeWait.Pulse(ref _recorded);
                    return Reply.Ok(true);
                }
                default:
                    return Reply.Error(404, "Not Found");
            }
        }

        // getUpdates: timeout in seconds, given as a string (a number is accepted too), default 30, capped at 50.
        var seconds = double.TryParse(Str(p["timeout"]), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? Math.Clamp(t, 0, 50) : 30;
        var update = await FakeWait.PollAsync(_gate, () =>
        {
            if (_queue.Count == 0)
                return null;
            var first = _queue[0];
            _queue.RemoveAt(0); // returned once: the platform has no ack, so a lost answer loses the update
            return first;
        }, () => _pushed.Task, TimeSpan.FromSeconds(seconds), ct);
        return update is null ? Reply.Error(408, "Request timeout") : Reply.Ok(update.DeepClone());
    }

    private Reply SetWebhookLocked(JsonObject p)
    {
        if (!Uri.TryCreate(Str(p["url"]), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return Reply.Error(400, "Bad Request: url is invalid");
        if (Str(p["secret_token"]) is not { Length: >= 8 and <= 256 } secret)
            return Reply.Error(400, "Bad Request: secret_token is invalid");
        (_webhookUrl, _webhookSecret) = (url.ToString(), secret);
        foreach (var update in _queue) // still-queued updates now wait for webhook delivery instead
            _webhookPending.Add(Str(update["message"]?["message_id"])!);
        _queue.Clear();
        return Reply.Ok(new JsonObject { ["url"] = _webhookUrl });
    }

    private static string? Str(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(), // chat_id or timeout sent as a number
        _ => null,
    };

    private static Task WriteAsync(HttpContext ctx, Reply reply, CancellationToken ct)
    {
        var body = reply.Description is null
            ? new JsonObject { ["ok"] = true, ["result"] = reply.Result }
            : new JsonObject { ["ok"] = false, ["error_code"] = reply.Status, ["description"] = reply.Description };
        ctx.Response.StatusCode = reply.Status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(body.ToJsonString(JsonOptions), ct);
    }
}
