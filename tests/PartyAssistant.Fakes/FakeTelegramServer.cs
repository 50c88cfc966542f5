using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PartyAssistant.Fakes;

/// <summary>
/// An in-process Telegram Bot API server on a real Kestrel socket (127.0.0.1, dynamic port), so a bot is tested through
/// its real HTTP client (Telegram.Bot included). It serves <c>/bot{token}/{method}</c> with Telegram's reply format,
/// validation and error texts, keeps chats, messages and updates like the real server (getUpdates offsets, long polling,
/// webhook mode), records what the bot did, and can inject faults (<see cref="FailNext"/>, <see cref="Interceptor"/>,
/// <see cref="FloodLimit"/>). Thread-safe: all state sits behind one lock.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const string DefaultToken = "123456:TEST-TOKEN";

    internal const string WebhookConflictDescription =
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

    internal const string TerminatedDescription =
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

    // Raw UTF-8 like the real server, so Vietnamese text stays readable in recorded traffic.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _token;
    private readonly LoopbackHost _host;
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Method> _methods;

    // ---- state (all guarded by _gate)
    private long _nextUpdateId = 100;
    private readonly List<JsonObject> _updateQueue = [];        // for getUpdates
    private readonly List<JsonObject> _webhookPending = [];     // pushed while a webhook is set
    private readonly Dictionary<long, JsonObject> _allUpdates = [];
    private TaskCompletionSource _updatesPushed = NewSignal();
    private TaskCompletionSource _recorded = NewSignal();
    private PollWaiter? _activePoll;
    private int _activeGetUpdates;

    private string? _webhookUrl;
    private string? _webhookSecret;
    private int _webhookMaxConnections = 40;
    private JsonArray? _webhookAllowedUpdates;

    private readonly Dictionary<long, ChatInfo> _chats = [];
    private readonly Dictionary<long, UserInfo> _users = [];
    private readonly Dictionary<long, long> _lastMessageId = [];
    private readonly Dictionary<(long Chat, long Id), StoredMessage> _messages = [];
    private readonly Dictionary<(long Chat, long User), long> _lastMessageBy = [];
    private readonly Dictionary<string, CallbackInfo> _callbacks = new(StringComparer.Ordinal);
    private long _callbackCounter;
    private readonly Dictionary<string, List<(string Command, string Description)>> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<ScriptedFailure>> _scriptedFailures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, Queue<long>> _sendTimes = [];

    private readonly List<RecordedCall> _calls = [];
    private readonly List<FailedCall> _failedCalls = [];
    private readonly List<SentMessage> _sent = [];
    private readonly List<SentMessage> _edited = [];
    private readonly List<AnsweredCallback> _answered = [];
    private readonly List<long> _chatActions = [];
    private readonly List<(long ChatId, long MessageId)> _deleted = [];

    private FakeTelegramServer(string token)
    {
        _token = token;
        _methods = CreateMethods();

        _host = new LoopbackHost(app => app.Run(HandleAsync));
    }

    /// <summary>http://127.0.0.1:PORT/ — what Telegram.Bot takes as baseUrl.</summary>
    public Uri BaseUrl { get; private set; } = null!; // set by StartAsync before anyone can see the instance

    public string Token => _token;

    public long BotUserId => 999000;

    public string BotUsername => "party_assistant_bot";

    public string BotFirstName => "Trợ lý Đảng";

    /// <summary>Consulted for every call to a known method after <see cref="FailNext"/>; return null to carry on normally.
    /// Gets the canonical method name and a copy of the parameters.</summary>
    public Func<string, JsonObject, FakeTelegramReply?>? Interceptor { get; set; }

    /// <summary>Null (default) = no flood control. When set, sendMessage calls above the limit get 429 with retry_after.</summary>
    public TelegramFloodLimit? FloodLimit { get; set; }

    /// <summary>The URL of <c>/bot{token}/{method}</c>, for raw HTTP calls in tests.</summary>
    public Uri MethodUrl(string method) => new(BaseUrl, $"/bot{_token}/{method}");

    public static async Task<FakeTelegramServer> StartAsync(string token = DefaultToken, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var server = new FakeTelegramServer(token);
        await server._host.StartAsync(ct);
        server.BaseUrl = server._host.Address("/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        // The host cancels long polls and delayed replies first, so stopping does not wait them out.
        await _host.DisposeAsync();
        _webhookClient.Dispose();
    }

    // ================================================================ observation

    public IReadOnlyList<SentMessage> SentMessages
    {
        get { lock (_gate) return _sent.ToArray(); }
    }

    /// <summary>Successful editMessageText / editMessageReplyMarkup calls, each with the message's new content.</summary>
    public IReadOnlyList<SentMessage> EditedMessages
    {
        get { lock (_gate) return _edited.ToArray(); }
    }

    public IReadOnlyList<RecordedCall> Calls
    {
        get { lock (_gate) return _calls.ToArray(); }
    }

    public IReadOnlyList<FailedCall> FailedCalls
    {
        get { lock (_gate) return _failedCalls.ToArray(); }
    }

    public IReadOnlyList<AnsweredCallback> AnsweredCallbacks
    {
        get { lock (_gate) return _answered.ToArray(); }
    }

    /// <summary>The chat id of every accepted sendChatAction, in order (the action itself is in <see cref="Calls"/>).</summary>
    public IReadOnlyList<long> ChatActions
    {
        get { lock (_gate) return _chatActions.ToArray(); }
    }

    public IReadOnlyList<(long ChatId, long MessageId)> DeletedMessages
    {
        get { lock (_gate) return _deleted.ToArray(); }
    }

    /// <summary>Callback queries pushed with <see cref="PushCallback"/> that the bot has not answered yet.</summary>
    public IReadOnlyList<string> UnansweredCallbackQueryIds
    {
        get { lock (_gate) return _callbacks.Where(c => !c.Value.Answered).Select(c => c.Key).ToArray(); }
    }

    /// <summary>The commands of the default scope and language, as the last successful setMyCommands left them.</summary>
    public IReadOnlyList<(string Command, string Description)> Commands
    {
        get { lock (_gate) return _commands.TryGetValue(CommandsKey(null, null), out var list) ? list.ToArray() : []; }
    }

    public string? WebhookUrl
    {
        get { lock (_gate) return _webhookUrl; }
    }

    public string? WebhookSecret
    {
        get { lock (_gate) return _webhookSecret; }
    }

    /// <summary>Updates waiting for getUpdates (not yet confirmed by a higher offset).</summary>
    public int PendingUpdateCount
    {
        get { lock (_gate) return _updateQueue.Count; }
    }

    /// <summary>Updates pushed while a webhook was set and not yet delivered with a 2xx answer.</summary>
    public IReadOnlyList<long> PendingWebhookUpdateIds
    {
        get { lock (_gate) return _webhookPending.Select(UpdateId).ToArray(); }
    }

    /// <summary>getUpdates requests being served right now (a long poll counts until it returns or its client aborts).</summary>
    public int ActiveGetUpdatesRequests
    {
        get { lock (_gate) return _activeGetUpdates; }
    }

    /// <summary>A copy of any update ever pushed, confirmed or not.</summary>
    public JsonObject? GetUpdate(long updateId)
    {
        lock (_gate) return _allUpdates.TryGetValue(updateId, out var update) ? (JsonObject)update.DeepClone() : null;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages were sent in total; returns the <paramref name="count"/>-th.</summary>
    public Task<SentMessage> WaitForMessagesAsync(int count, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return WaitAsync(
            () => _sent.Count >= count ? _sent[count - 1] : null,
            timeout,
            () => $"Expected at least {count} sent message(s) within {timeout.TotalSeconds:0.###} s, but the fake Telegram server received {_sent.Count}"
                  + (_sent.Count > 0 ? ": " + string.Join(" | ", _sent.TakeLast(5).Select(m => $"[{m.ChatId}] {Shorten(m.PlainText)}")) : "")
                  + ". " + DescribeTraffic(),
            ct);
    }

    /// <summary>Waits until at least <paramref name="count"/> callback queries were answered in total; returns the <paramref name="count"/>-th answer.</summary>
    public Task<AnsweredCallback> WaitForCallbackAnswersAsync(int count, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return WaitAsync(
            () => _answered.Count >= count ? _answered[count - 1] : null,
            timeout,
            () => $"Expected at least {count} answered callback quer(ies) within {timeout.TotalSeconds:0.###} s, but the fake Telegram server received {_answered.Count}; "
                  + $"unanswered: {_callbacks.Count(c => !c.Value.Answered)}. " + DescribeTraffic(),
            ct);
    }

    private Task<T> WaitAsync<T>(Func<T?> probe, TimeSpan timeout, Func<string> describe, CancellationToken ct) where T : class =>
        FakeWait.UntilAsync(_gate, probe, () => _recorded.Task, timeout, describe, ct);

    /// <summary>Calls per method and the last failures: what a test author needs when a wait times out. Caller holds the lock.</summary>
    private string DescribeTraffic()
    {
        var calls = _calls.Count == 0
            ? "no calls"
            : string.Join(", ", _calls.GroupBy(c => c.Method).Select(g => $"{g.Key}×{g.Count()}"));
        var failures = _failedCalls.Count == 0
            ? ""
            : " Last failures: " + string.Join("; ", _failedCalls.TakeLast(3).Select(f => $"{f.Method} → {f.ErrorCode} {f.Description}"));
        return $"Calls so far: {calls}.{failures}";
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    // ================================================================ fault injection

    private sealed class ScriptedFailure(int remaining, int status, string description, int? retryAfter)
    {
        public int Remaining { get; set; } = remaining;
        public FakeTelegramReply Reply { get; } = FakeTelegramReply.Error(status, description, retryAfter);
    }

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="method"/> (any case) fail with <paramref name="status"/> and
    /// <paramref name="description"/>; <paramref name="retryAfter"/> adds parameters.retry_after. For 429 with retryAfter an
    /// empty description becomes Telegram's "Too Many Requests: retry after N". Calls queue up behind earlier FailNext calls.
    /// </summary>
    public void FailNext(string method, int count, int status, string description, int? retryAfter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        if (string.IsNullOrEmpty(description) && status == 429 && retryAfter is { } wait)
            description = $"Too Many Requests: retry after {wait}";
        var key = _methods.TryGetValue(method, out var known) ? known.Name : method;
        lock (_gate)
        {
            if (!_scriptedFailures.TryGetValue(key, out var queue))
                _scriptedFailures[key] = queue = new Queue<ScriptedFailure>();
            queue.Enqueue(new ScriptedFailure(count, status, description ?? "", retryAfter));
        }
    }

    /// <summary>The API is back: scripted failures not yet used are dropped.</summary>
    public void ClearFailures()
    {
        lock (_gate)
            _scriptedFailures.Clear();
    }

    private FakeTelegramReply? TakeScriptedFailure(string method)
    {
        lock (_gate)
        {
            if (!_scriptedFailures.TryGetValue(method, out var queue) || queue.Count == 0)
                return null;
            var failure = queue.Peek();
            if (--failure.Remaining == 0)
                queue.Dequeue();
            return failure.Reply;
        }
    }

    // ================================================================ HTTP

    private sealed class ApiError(int status, string description, int? retryAfter = null) : Exception(description)
    {
        public int Status { get; } = status;
        public string Description { get; } = description;
        public int? RetryAfter { get; } = retryAfter;
    }

    private static ApiError BadRequest(string what) => new(400, "Bad Request: " + what);

    private readonly record struct Success(JsonNode? Result, string? Description = null);

    private sealed record Method(string Name, Func<JsonObject, CancellationToken, Task<Success>> Handler);

    private async Task HandleAsync(HttpContext ctx)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _host.Stopping);
        var ct = cts.Token;
        try
        {
            var (token, methodName) = ParsePath(ctx.Request.Path.Value);
            if (token is null || methodName is null)
            {
                await WriteReplyAsync(ctx, "", FakeTelegramReply.Error(404, "Not Found"), ct);
                return;
            }

            if (!string.Equals(token, _token, StringComparison.Ordinal))
            {
                await WriteReplyAsync(ctx, "", FakeTelegramReply.Error(401, "Unauthorized"), ct);
                return;
            }

            var known = _methods.TryGetValue(methodName, out var method);
            var name = known ? method!.Name : methodName;
            JsonObject parameters;
            try
            {
                parameters = await ReadParametersAsync(ctx.Request, ct);
            }
            catch (ApiError e)
            {
                await WriteReplyAsync(ctx, name, FakeTelegramReply.Error(e.Status, e.Description, e.RetryAfter), ct);
                return;
            }

            var (now, stamp) = (DateTimeOffset.UtcNow, Stopwatch.GetTimestamp());
            lock (_gate)
            {
                _calls.Add(new RecordedCall(name, (JsonObject)parameters.DeepClone(), now, stamp));
                PulseRecordedLocked();
            }

            if (!known)
            {
                await WriteReplyAsync(ctx, name, FakeTelegramReply.Error(404, "Not Found"), ct);
                return;
            }

            var scripted = TakeScriptedFailure(name) ?? Interceptor?.Invoke(name, (JsonObject)parameters.DeepClone());
            if (scripted is not null)
            {
                await WriteReplyAsync(ctx, name, scripted, ct);
                return;
            }

            FakeTelegramReply reply;
            try
            {
                var success = await method!.Handler(parameters, ct);
                reply = FakeTelegramReply.Ok(success.Result, success.Description);
            }
            catch (ApiError e)
            {
                reply = FakeTelegramReply.Error(e.Status, e.Description, e.RetryAfter);
            }

            await WriteReplyAsync(ctx, name, reply, ct);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // The client gave up or the server is stopping; drop the connection rather than send a made-up answer.
            ctx.Abort();
        }
    }

    /// <summary>/bot{token}/{method}; anything else is Telegram's 404.</summary>
    private static (string? Token, string? Method) ParsePath(string? path)
    {
        if (path is null || !path.StartsWith("/bot", StringComparison.Ordinal))
            return (null, null);
        var rest = path["/bot".Length..];
        var slash = rest.IndexOf('/');
        if (slash <= 0)
            return (null, null);
        var method = rest[(slash + 1)..];
        return method.Length == 0 || method.Contains('/') ? (null, null) : (rest[..slash], method);
    }

    /// <summary>Query string, then form fields or the JSON body's members, into one object. Form values stay strings,
    /// as on the wire; the accessors below read numbers, booleans and JSON-in-a-string the way Telegram does.</summary>
    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request, CancellationToken ct)
    {
        var parameters = new JsonObject();
        foreach (var (key, value) in request.Query)
            parameters[key] = value.ToString();

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var (key, value) in form)
                parameters[key] = value.ToString();
            foreach (var file in form.Files)
                parameters[file.Name] = new JsonObject { ["file_name"] = file.FileName, ["size"] = file.Length };
            return parameters;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(body))
            return parameters;

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw BadRequest("can't parse JSON object");
        }

        if (json is not JsonObject obj)
            throw BadRequest("JSON object expected");
        foreach (var (key, value) in obj)
            parameters[key] = value?.DeepClone();
        return parameters;
    }

    private async Task WriteReplyAsync(HttpContext ctx, string method, FakeTelegramReply reply, CancellationToken ct)
    {
        switch (reply)
        {
            case FakeTelegramReply.DelayedReply delayed:
                await Task.Delay(delayed.Delay, ct);
                await WriteReplyAsync(ctx, method, delayed.Then, ct);
                return;

            case FakeTelegramReply.RawReply raw:
                if (raw.Status >= 300)
                    RecordFailure(method, raw.Status, raw.Body);
                ctx.Response.StatusCode = raw.Status;
                ctx.Response.ContentType = raw.ContentType;
                await ctx.Response.WriteAsync(raw.Body, ct);
                return;

            case FakeTelegramReply.OkReply ok:
                var body = new JsonObject { ["ok"] = true, ["result"] = ok.Result?.DeepClone() };
                if (ok.Description is not null)
                    body["description"] = ok.Description;
                await WriteJsonAsync(ctx, 200, body, ct);
                return;

            case FakeTelegramReply.ErrorReply error:
                if (method.Length > 0)
                    RecordFailure(method, error.Status, error.Description);
                var errorBody = new JsonObject { ["ok"] = false, ["error_code"] = error.Status, ["description"] = error.Description };
                if (error.RetryAfter is { } retryAfter)
                    errorBody["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
                await WriteJsonAsync(ctx, error.Status, errorBody, ct);
                return;

            default:
                throw new NotSupportedException($"Unknown reply {reply}.");
        }
    }

    private void RecordFailure(string method, int status, string description)
    {
        lock (_gate)
        {
            _failedCalls.Add(new FailedCall(method, status, description, DateTimeOffset.UtcNow));
            PulseRecordedLocked();
        }
    }

    private static Task WriteJsonAsync(HttpContext ctx, int status, JsonObject body, CancellationToken ct)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body.ToJsonString(JsonOptions), ct);
    }

    // ================================================================ parameter access

    private static string? Str(JsonObject p, string name) => p[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => other.ToJsonString(),
    };

    private static long? Long(JsonObject p, string name) => Long(p[name]);

    // Through the JSON text, so values parsed from a body and values built in code (int, long, string) read alike.
    private static long? Long(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number
            && long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && long.TryParse(v.GetValue<string>().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static bool Bool(JsonObject p, string name) => Bool(p[name]);

    private static bool Bool(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() is JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() is JsonValueKind.String => v.GetValue<string>().Trim().ToLowerInvariant() is "true" or "1",
        JsonValue v when v.GetValueKind() is JsonValueKind.Number => Long(v) is not (null or 0),
        _ => false,
    };

    /// <summary>An object or array parameter; form bodies carry these as JSON text.</summary>
    private static JsonNode? Json(JsonObject p, string name, string errorIfInvalid)
    {
        switch (p[name])
        {
            case null:
                return null;
            case JsonObject or JsonArray:
                return p[name];
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (string.IsNullOrWhiteSpace(s))
                    return null;
                try
                {
                    return JsonNode.Parse(s);
                }
                catch (JsonException)
                {
                    throw BadRequest(errorIfInvalid);
                }

            default:
                throw BadRequest(errorIfInvalid);
        }
    }

    private static long RequireChatId(JsonObject p)
    {
        var raw = p["chat_id"];
        if (raw is null || (raw is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)))
            throw BadRequest("chat_id is empty");
        return Long(raw) ?? throw BadRequest("chat not found"); // @channelusername: no such chat in the fake
    }

    // ================================================================ helpers

    private static TaskCompletionSource NewSignal() => FakeWait.NewSignal();

    private void PulseRecordedLocked() => FakeWait.Pulse(ref _recorded);

    private void PulseUpdatesLocked() => FakeWait.Pulse(ref _updatesPushed);

    private static TimeSpan Remaining(long deadline) =>
        TimeSpan.FromSeconds((double)(deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);

    private static long UpdateId(JsonObject update) => Long(update["update_id"]) ?? 0;

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    [GeneratedRegex(@"^/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")]
    private static partial Regex BotCommandPattern();

    // Telegram makes a mention entity of @ plus a 5–32 character username not glued to a preceding word.
    [GeneratedRegex(@"(?<![A-Za-z0-9_@/])@[A-Za-z0-9_]{5,32}(?![A-Za-z0-9_])")]
    private static partial Regex MentionPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretTokenPattern();

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandPattern();
}
