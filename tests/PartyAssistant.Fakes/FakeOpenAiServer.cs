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

/// <summary>One message of a recorded request. Content given as an array of parts is flattened to its text parts.</summary>
public sealed record RecordedMessage(string Role, string Content);

/// <summary>A chat-completions request as the fake received it: the raw pieces plus the fields tests usually check.</summary>
public sealed record RecordedChatRequest(
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? Model,
    IReadOnlyList<RecordedMessage> Messages,
    bool Stream,
    double? Temperature)
{
    /// <summary>stream_options.include_usage: real OpenAI then ends the stream with a usage-only chunk, which clients may expect.</summary>
    internal bool IncludeUsage { get; init; }

    internal static RecordedChatRequest Parse(string path, IHeaderDictionary headers, string body)
    {
        JsonObject? json = null;
        try { json = JsonNode.Parse(body) as JsonObject; }
        catch (JsonException) { } // a malformed body is still recorded, so the test can see what was sent

        var messages = (json?["messages"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(m => new RecordedMessage(Str(m["role"]) ?? "", m["content"] switch
            {
                JsonArray parts => string.Concat(parts.OfType<JsonObject>().Where(p => Str(p["type"]) == "text").Select(p => Str(p["text"]))),
                var content => Str(content) ?? "", // null for assistant turns that only carry tool calls
            }))
            .ToArray();

        return new RecordedChatRequest(
            path,
            headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            Str(json?["model"]),
            messages,
            Value<bool>(json?["stream"]) ?? false,
            Value<double>(json?["temperature"]))
        {
            IncludeUsage = Value<bool>(json?["stream_options"]?["include_usage"]) ?? false,
        };

        static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        static T? Value<T>(JsonNode? node) where T : struct => node is JsonValue v && v.TryGetValue<T>(out var x) ? x : null;
    }
}

/// <summary>What the fake answers to one request; build one with the factory methods.</summary>
public abstract record FakeReply
{
    private FakeReply() { }

    /// <summary>A normal completion (or, for "stream": true, the same content as server-sent events).</summary>
    public static FakeReply Text(string content) => new TextReply(content);

    /// <summary>A successful completion whose content is the empty string.</summary>
    public static FakeReply Empty() => new TextReply("");

    /// <summary>An OpenAI-style error body with the given status; <paramref name="retryAfter"/> adds Retry-After and retry-after-ms.</summary>
    public static FakeReply Error(int status, string message, string type = "server_error", TimeSpan? retryAfter = null) =>
        new ErrorReply(status, message, type, retryAfter);

    /// <summary>Waits, then answers with <paramref name="then"/>; the wait ends early if the client aborts or the server stops.</summary>
    public static FakeReply Delayed(TimeSpan delay, FakeReply then) => new DelayedReply(delay, then);

    public sealed record TextReply(string Content) : FakeReply;

    public sealed record ErrorReply(int Status, string Message, string Type, TimeSpan? RetryAfter) : FakeReply;

    public sealed record DelayedReply(TimeSpan Delay, FakeReply Then) : FakeReply;
}

/// <summary>
/// An in-process OpenAI-compatible chat-completions endpoint on a real Kestrel socket (127.0.0.1, dynamic port),
/// so clients are exercised through their real HTTP stack. It records every request and answers via <see cref="Responder"/>.
/// </summary>
public sealed partial class FakeOpenAiServer : IAsyncDisposable
{
    // Raw UTF-8 like the real service, so Vietnamese text stays readable in recorded traffic.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly LoopbackHost _host;
    private readonly Lock _gate = new();
    private readonly List<RecordedChatRequest> _requests = [];

    private FakeOpenAiServer()
    {
        _host = new LoopbackHost(app =>
        {
            RequestDelegate handle = HandleAsync;
            app.MapPost("/v1/chat/completions", handle);
            app.MapPost("/chat/completions", handle);
            app.MapPost("/openai/deployments/{deployment}/chat/completions", handle); // Azure style; api-version is ignored
        });
    }

    /// <summary>http://127.0.0.1:PORT/v1, without a trailing slash: what an OpenAI client takes as its endpoint.</summary>
    public Uri BaseUrl { get; private set; } = null!; // set by StartAsync before anyone can see the instance

    /// <summary>Decides each answer; may be swapped mid-test. The default answers "OK".</summary>
    public Func<RecordedChatRequest, FakeReply> Responder { get; set; } = _ => FakeReply.Text("OK");

    /// <summary>A snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedChatRequest> Requests
    {
        get { lock (_gate) return _requests.ToArray(); }
    }

    public int RequestCount
    {
        get { lock (_gate) return _requests.Count; }
    }

    public static async Task<FakeOpenAiServer> StartAsync(CancellationToken ct = default)
    {
        var server = new FakeOpenAiServer();
        await server._host.StartAsync(ct);
        server.BaseUrl = server._host.Address("/v1");
        return server;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task HandleAsync(HttpContext ctx)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _host.Stopping);
        try
        {
            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            var request = RecordedChatRequest.Parse(ctx.Request.Path.Value ?? "", ctx.Request.Headers, await reader.ReadToEndAsync(cts.Token));
            lock (_gate) _requests.Add(request);

            await WriteAsync(ctx, request, Responder(request), cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // The client gave up or the server is stopping; drop the connection rather than send a made-up answer.
            ctx.Abort();
        }
    }

    private static async Task WriteAsync(HttpContext ctx, RecordedChatRequest request, FakeReply reply, CancellationToken ct)
    {
        switch (reply)
        {
            case FakeReply.DelayedReply delayed:
                await Task.Delay(delayed.Delay, ct);
                await WriteAsync(ctx, request, delayed.Then, ct);
                break;

            case FakeReply.ErrorReply error:
                ctx.Response.StatusCode = error.Status;
                if (error.RetryAfter is { } wait)
                {
                    ctx.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    ctx.Response.Headers["retry-after-ms"] = ((long)Math.Ceiling(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
                }

                await WriteJsonAsync(ctx, new JsonObject
                {
                    ["error"] = new JsonObject { ["message"] = error.Message, ["type"] = error.Type, ["param"] = null, ["code"] = null },
                }, ct);
                break;

            case FakeReply.TextReply text when request.Stream:
                await WriteStreamAsync(ctx, request, text.Content, ct);
                break;

            case FakeReply.TextReply text:
                await WriteJsonAsync(ctx, Completion(request, text.Content), ct);
                break;

            default:
                throw new NotSupportedException($"Unknown reply {reply}.");
        }
    }

    private static JsonObject Completion(RecordedChatRequest request, string content) => new()
    {
        ["id"] = NewId(),
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = ModelOf(request),
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = "stop",
        }),
        ["usage"] = Usage(request, content),
    };

    /// <summary>Server-sent events as OpenAI sends them: a role chunk, content chunks, a finish chunk, then [DONE].</summary>
    private static async Task WriteStreamAsync(HttpContext ctx, RecordedChatRequest request, string content, CancellationToken ct)
    {
        var (id, created, model) = (NewId(), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ModelOf(request));
        JsonObject Chunk(JsonObject delta, string? finishReason, bool withChoice = true)
        {
            var chunk = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = withChoice
                    ? new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason })
                    : new JsonArray(),
            };
            if (request.IncludeUsage)
                chunk["usage"] = null; // with include_usage, OpenAI puts "usage": null on every chunk but the last
            return chunk;
        }

        var chunks = new List<JsonObject> { Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null) };
        chunks.AddRange(Pieces().Matches(content).Select(piece => Chunk(new JsonObject { ["content"] = piece.Value }, null)));
        chunks.Add(Chunk([], "stop"));
        if (request.IncludeUsage)
        {
            var usageChunk = Chunk([], null, withChoice: false);
            usageChunk["usage"] = Usage(request, content);
            chunks.Add(usageChunk);
        }

        ctx.Response.ContentType = "text/event-stream; charset=utf-8";
        ctx.Response.Headers.CacheControl = "no-cache";
        foreach (var chunk in chunks)
            await WriteEventAsync(ctx, chunk.ToJsonString(JsonOptions), ct);
        await WriteEventAsync(ctx, "[DONE]", ct);
    }

    private static async Task WriteEventAsync(HttpContext ctx, string data, CancellationToken ct)
    {
        await ctx.Response.WriteAsync($"data: {data}\n\n", ct);
        await ctx.Response.Body.FlushAsync(ct); // one event per flush, so clients really see a stream
    }

    private static Task WriteJsonAsync(HttpContext ctx, JsonObject body, CancellationToken ct)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body.ToJsonString(JsonOptions), ct);
    }

    // Words stand in for tokens: close enough for clients that read or sum usage.
    private static JsonObject Usage(RecordedChatRequest request, string content)
    {
        var prompt = Math.Max(1, request.Messages.Sum(m => Pieces().Count(m.Content)));
        var completion = Pieces().Count(content);
        return new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };
    }

    private static string ModelOf(RecordedChatRequest request) => request.Model ?? "fake-model";

    private static string NewId() => "chatcmpl-" + Guid.NewGuid().ToString("N");

    /// <summary>A word with its trailing whitespace (or leading whitespace alone): the pieces concatenate back to the input.</summary>
    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex Pieces();
}
