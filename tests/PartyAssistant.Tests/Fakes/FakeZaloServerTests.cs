using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

using PartyAssistant.Fakes;

namespace PartyAssistant.Tests.Fakes;

/// <summary>The Zalo fakes must speak the documented wire formats, or tests built on them would prove nothing.</summary>
public sealed class FakeZaloServerTests
{
    // ================================================================ OA

    private static async Task<JsonElement> OaSendAsync(HttpClient http, FakeZaloOaServer server, string? token, string userId, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "/v3.0/oa/message/cs"))
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { recipient = new { user_id = userId }, message = new { text } }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
            request.Headers.Add("access_token", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // Zalo reports errors inside HTTP 200
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> RefreshAsync(HttpClient http, FakeZaloOaServer server, string refreshToken, string secret = "app-secret")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "/v4/oa/access_token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["refresh_token"] = refreshToken, ["app_id"] = "app-123", ["grant_type"] = "refresh_token",
            }),
        };
        request.Headers.Add("secret_key", secret);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static int ErrorOf(JsonElement json) => json.GetProperty("error").GetInt32();

    [Fact]
    public async Task Oa_send_succeeds_and_is_recorded()
    {
        await using var server = await FakeZaloOaServer.StartAsync();
        using var http = new HttpClient();

        var json = await OaSendAsync(http, server, "access-1", "user-9", "Xin chào đồng chí");

        Assert.Equal(0, ErrorOf(json));
        Assert.Equal("Success", json.GetProperty("message").GetString());
        var data = json.GetProperty("data");
        Assert.Equal("user-9", data.GetProperty("user_id").GetString());
        Assert.False(string.IsNullOrEmpty(data.GetProperty("message_id").GetString()));
        Assert.True(data.GetProperty("sent_time").GetInt64() > 1_700_000_000_000);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("quota").ValueKind);
        var sent = await server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(1));
        Assert.Equal(("user-9", "Xin chào đồng chí", "access-1"), (sent.UserId, sent.Text, sent.AccessToken));
        Assert.Equal(data.GetProperty("message_id").GetString(), sent.MessageId);
    }

    [Fact]
    public async Task Oa_send_reports_bad_and_expired_tokens_and_invalid_text()
    {
        await using var server = await FakeZaloOaServer.StartAsync();
        using var http = new HttpClient();

        var unknown = await OaSendAsync(http, server, "nope", "u", "hi");
        Assert.Equal((-216, "Access token is invalid"), (ErrorOf(unknown), unknown.GetProperty("message").GetString()));
        Assert.Equal(-216, ErrorOf(await OaSendAsync(http, server, null, "u", "hi")));
        Assert.Equal(-201, ErrorOf(await OaSendAsync(http, server, "access-1", "u", new string('a', 2001))));
        Assert.Equal(-201, ErrorOf(await OaSendAsync(http, server, "access-1", "u", "")));
        Assert.Equal(0, ErrorOf(await OaSendAsync(http, server, "access-1", "u", new string('a', 2000))));

        server.ExpireAccessToken();
        var expired = await OaSendAsync(http, server, "access-1", "u", "hi");
        Assert.Equal((-220, "Access token has expired"), (ErrorOf(expired), expired.GetProperty("message").GetString()));
        Assert.Single(server.SentMessages);
        Assert.Equal(6, server.SendAttemptCount);
    }

    [Fact]
    public async Task Oa_scripted_faults_come_first_then_sends_recover()
    {
        await using var server = await FakeZaloOaServer.StartAsync();
        using var http = new HttpClient();
        server.FailNextSend(2, -230, "User has not interacted in 7 days");

        var first = await OaSendAsync(http, server, "access-1", "u", "hi");
        Assert.Equal((-230, "User has not interacted in 7 days"), (ErrorOf(first), first.GetProperty("message").GetString()));
        Assert.Equal(-230, ErrorOf(await OaSendAsync(http, server, "access-1", "u", "hi")));
        Assert.Equal(0, ErrorOf(await OaSendAsync(http, server, "access-1", "u", "hi")));
        Assert.Single(server.SentMessages);
    }

    [Fact]
    public async Task Refresh_rotates_single_use_tokens()
    {
        await using var server = await FakeZaloOaServer.StartAsync();
        using var http = new HttpClient();
        server.ExpireAccessToken();

        var fresh = await RefreshAsync(http, server, "refresh-1");

        Assert.Equal("access-2", fresh.GetProperty("access_token").GetString());
        Assert.Equal("refresh-2", fresh.GetProperty("refresh_token").GetString());
        Assert.Equal(JsonValueKind.String, fresh.GetProperty("expires_in").ValueKind);
        Assert.Equal("90000", fresh.GetProperty("expires_in").GetString());
        Assert.Equal((1, "access-2", "refresh-2"), (server.RefreshCount, server.CurrentAccessToken, server.CurrentRefreshToken));
        Assert.Equal(0, ErrorOf(await OaSendAsync(http, server, "access-2", "u", "hi")));
        Assert.Equal(-220, ErrorOf(await OaSendAsync(http, server, "access-1", "u", "hi")));

        var reused = await RefreshAsync(http, server, "refresh-1");
        Assert.Equal(-14014, ErrorOf(reused));
        Assert.Equal("Invalid refresh token", reused.GetProperty("error_name").GetString());
        Assert.False(reused.TryGetProperty("access_token", out _));

        Assert.Equal("access-3", (await RefreshAsync(http, server, "refresh-2")).GetProperty("access_token").GetString());
        Assert.Equal(-216, ErrorOf(await OaSendAsync(http, server, "access-2", "u", "hi"))); // rotated out, not expired
        Assert.Equal((2, 1), (server.RefreshCount, server.RejectedRefreshCount));
    }

    [Fact]
    public async Task Refresh_with_wrong_secret_key_is_rejected_and_keeps_the_token()
    {
        await using var server = await FakeZaloOaServer.StartAsync();
        using var http = new HttpClient();

        var rejected = await RefreshAsync(http, server, "refresh-1", secret: "wrong");

        Assert.Equal(-118, ErrorOf(rejected));
        Assert.Equal("Invalid secret key", rejected.GetProperty("error_name").GetString());
        Assert.Equal((0, "refresh-1"), (server.RefreshCount, server.CurrentRefreshToken));
        Assert.Equal("access-2", (await RefreshAsync(http, server, "refresh-1")).GetProperty("access_token").GetString());
    }

    [Fact]
    public async Task Sign_event_and_signed_post_match_the_documented_formats()
    {
        // SHA-256("abc"), the FIPS 180-2 test vector.
        Assert.Equal("mac=ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FakeZaloOaServer.Sign("a", "b", "c", ""));

        var raw = FakeZaloOaServer.UserSendTextEvent("app-123", "user-9", "oa-1", "Chào", "msg-1", 1717061839659);
        var ev = JsonDocument.Parse(raw).RootElement;
        Assert.Equal("user_send_text", ev.GetProperty("event_name").GetString());
        Assert.Equal("1717061839659", ev.GetProperty("timestamp").GetString());
        Assert.Equal("user-9", ev.GetProperty("sender").GetProperty("id").GetString());
        Assert.Equal("oa-1", ev.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(("Chào", "msg-1"), (ev.GetProperty("message").GetProperty("text").GetString(), ev.GetProperty("message").GetProperty("msg_id").GetString()));

        await using var server = await FakeZaloOaServer.StartAsync();
        await using var receiver = await Receiver.StartAsync();
        var signature = FakeZaloOaServer.Sign("app-123", raw, "1717061839659", "oa-secret");
        using var response = await server.PostSignedEventAsync(receiver.Url, raw, signature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (headers, body) = Assert.Single(receiver.Requests);
        Assert.Equal(signature, headers["X-ZEvent-Signature"]);
        Assert.StartsWith("application/json", headers["Content-Type"]);
        Assert.Equal(raw, body);
    }

    // ================================================================ Bot

    private static async Task<(HttpStatusCode Status, JsonElement Json)> CallAsync(HttpClient http, Uri url, string json = "{}")
    {
        using var response = await http.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static void AssertError(int code, string description, (HttpStatusCode Status, JsonElement Json) reply)
    {
        Assert.Equal(code, (int)reply.Status);
        Assert.False(reply.Json.GetProperty("ok").GetBoolean());
        Assert.Equal(code, reply.Json.GetProperty("error_code").GetInt32());
        Assert.Equal(description, reply.Json.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Bot_getMe_answers_and_a_wrong_token_is_unauthorized()
    {
        await using var server = await FakeZaloBotServer.StartAsync();
        using var http = new HttpClient();

        var (status, json) = await CallAsync(http, server.MethodUrl("getMe"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal("bot-1", json.GetProperty("result").GetProperty("id").GetString());
        Assert.Equal("tro_ly_dang", json.GetProperty("result").GetProperty("account_name").GetString());

        AssertError(401, "Unauthorized", await CallAsync(http, new Uri(server.BaseUrl, "/botwrong:token/getMe")));
    }

    [Fact]
    public async Task Bot_getUpdates_returns_one_update_once_then_408()
    {
        await using var server = await FakeZaloBotServer.StartAsync();
        using var http = new HttpClient();
        var id = server.PushText("chat-1", "user-1", "Điều lệ Đảng?");
        server.PushText("chat-1", "user-1", "second");

        var (status, json) = await CallAsync(http, server.MethodUrl("getUpdates"), """{"timeout":"1"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var update = json.GetProperty("result");
        Assert.Equal(JsonValueKind.Object, update.ValueKind);
        Assert.Equal("message.text.received", update.GetProperty("event_name").GetString());
        var message = update.GetProperty("message");
        Assert.Equal((id, "Điều lệ Đảng?"), (message.GetProperty("message_id").GetString(), message.GetProperty("text").GetString()));
        Assert.Equal("user-1", message.GetProperty("from").GetProperty("id").GetString());
        Assert.False(message.GetProperty("from").GetProperty("is_bot").GetBoolean());
        Assert.Equal(("chat-1", "PRIVATE"), (message.GetProperty("chat").GetProperty("id").GetString(), message.GetProperty("chat").GetProperty("chat_type").GetString()));
        Assert.True(message.GetProperty("date").GetInt64() > 1_700_000_000_000);

        var second = await CallAsync(http, server.MethodUrl("getUpdates"), """{"timeout":"1"}""");
        Assert.Equal("second", second.Json.GetProperty("result").GetProperty("message").GetProperty("text").GetString());

        var watch = Stopwatch.StartNew();
        AssertError(408, "Request timeout", await CallAsync(http, server.MethodUrl("getUpdates"), """{"timeout":"1"}"""));
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Bot_long_poll_wakes_on_push()
    {
        await using var server = await FakeZaloBotServer.StartAsync();
        using var http = new HttpClient();
        var watch = Stopwatch.StartNew();

        var poll = CallAsync(http, server.MethodUrl("getUpdates"), """{"timeout":"30"}""");
        await Task.Delay(150);
        Assert.False(poll.IsCompleted);
        server.PushText("chat-1", "user-1", "wake up");

        var (status, json) = await poll;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("wake up", json.GetProperty("result").GetProperty("message").GetProperty("text").GetString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Bot_webhook_needs_a_valid_secret_conflicts_with_polling_and_delivers_with_the_header()
    {
        await using var server = await FakeZaloBotServer.StartAsync();
        await using var receiver = await Receiver.StartAsync();
        using var http = new HttpClient();
        var url = receiver.Url.ToString();

        const string invalid = "Bad Request: secret_token is invalid";
        AssertError(400, invalid, await CallAsync(http, server.MethodUrl("setWebhook"), JsonSerializer.Serialize(new { url })));
        AssertError(400, invalid, await CallAsync(http, server.MethodUrl("setWebhook"), JsonSerializer.Serialize(new { url, secret_token = "short77" })));
        AssertError(400, invalid, await CallAsync(http, server.MethodUrl("setWebhook"), JsonSerializer.Serialize(new { url, secret_token = new string('s', 257) })));
        Assert.Null(server.WebhookUrl);

        var set = await CallAsync(http, server.MethodUrl("setWebhook"), JsonSerializer.Serialize(new { url, secret_token = "secret-123" }));
        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal("secret-123", server.WebhookSecret);
        AssertError(409, "Conflict: webhook is active", await CallAsync(http, server.MethodUrl("getUpdates"), """{"timeout":"1"}"""));

        var id = server.PushText("chat-1", "user-1", "qua webhook");
        Assert.Equal(0, server.PendingUpdateCount);
        Assert.Equal([id], server.PendingWebhookMessageIds);
        var info = await CallAsync(http, server.MethodUrl("getWebhookInfo"));
        Assert.Equal(url, info.Json.GetProperty("result").GetProperty("url").GetString());

        using (var response = await server.DeliverToWebhookAsync(receiver.Url, id, "secret-123"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (headers, body) = Assert.Single(receiver.Requests);
        Assert.Equal("secret-123", headers["X-Bot-Api-Secret-Token"]);
        var delivered = JsonDocument.Parse(body).RootElement;
        Assert.False(delivered.TryGetProperty("ok", out _)); // the bare event, not {ok,result}
        Assert.Equal(id, delivered.GetProperty("message").GetProperty("message_id").GetString());
        Assert.Empty(server.PendingWebhookMessageIds);

        using (var response = await server.DeliverToWebhookAsync(receiver.Url, id, null))
            Assert.False(receiver.Requests[^1].Headers.ContainsKey("X-Bot-Api-Secret-Token"));

        Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, server.MethodUrl("deleteWebhook"))).Status);
        server.PushText("chat-1", "user-1", "polling again");
        var polled = await CallAsync(http, server.MethodUrl("getUpdates"), """{"timeout":"1"}""");
        Assert.Equal("polling again", polled.Json.GetProperty("result").GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Bot_sendMessage_validates_length_and_records()
    {
        await using var server = await FakeZaloBotServer.StartAsync();
        using var http = new HttpClient();
        const string tooLong = "Bad Request: text length must be between 1 and 2000";

        AssertError(400, tooLong, await CallAsync(http, server.MethodUrl("sendMessage"), JsonSerializer.Serialize(new { chat_id = "c", text = "" })));
        AssertError(400, tooLong, await CallAsync(http, server.MethodUrl("sendMessage"), JsonSerializer.Serialize(new { chat_id = "c", text = new string('x', 2001) })));

        var (status, json) = await CallAsync(http, server.MethodUrl("sendMessage"), JsonSerializer.Serialize(new { chat_id = "c", text = new string('x', 2000) }));
        Assert.Equal(HttpStatusCode.OK, status);
        var result = json.GetProperty("result");
        Assert.True(result.GetProperty("date").GetInt64() > 1_700_000_000_000);
        var sent = await server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(1));
        Assert.Equal(("c", 2000, result.GetProperty("message_id").GetString()), (sent.ChatId, sent.Text.Length, sent.MessageId));

        var typing = await CallAsync(http, server.MethodUrl("sendChatAction"), """{"chat_id":"c","action":"typing"}""");
        Assert.True(typing.Json.GetProperty("result").GetBoolean());
        Assert.Equal(("c", "typing"), (Assert.Single(server.ChatActions).ChatId, server.ChatActions[0].Action));
    }

    [Fact]
    public async Task Bot_FailNext_fails_the_named_method_then_recovers()
    {
        await using var server = await FakeZaloBotServer.StartAsync();
        using var http = new HttpClient();
        server.FailNext("sendMessage", 1, 429, "Too Many Requests");
        var payload = JsonSerializer.Serialize(new { chat_id = "c", text = "hi" });

        AssertError(429, "Too Many Requests", await CallAsync(http, server.MethodUrl("sendMessage"), payload));
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, server.MethodUrl("sendMessage"), payload)).Status);
        Assert.Single(server.SentMessages);
        Assert.Equal(["sendMessage", "sendMessage"], server.Calls);
    }

    /// <summary>A webhook endpoint that records each request's headers and body and answers 200.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly Lock _gate = new();
        private readonly List<(Dictionary<string, string> Headers, string Body)> _requests = [];
        private LoopbackHost _host = null!;

        public Uri Url { get; private set; } = null!;

        public IReadOnlyList<(Dictionary<string, string> Headers, string Body)> Requests { get { lock (_gate) return _requests.ToArray(); } }

        public static async Task<Receiver> StartAsync()
        {
            var receiver = new Receiver();
            receiver._host = new LoopbackHost(app => app.Run(async ctx =>
            {
                using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var headers = ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                lock (receiver._gate) receiver._requests.Add((headers, body));
            }));
            await receiver._host.StartAsync(CancellationToken.None);
            receiver.Url = new Uri($"http://127.0.0.1:{receiver._host.Port}/hook");
            return receiver;
        }

        public ValueTask DisposeAsync() => _host.DisposeAsync();
    }
}
