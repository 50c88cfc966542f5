using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PartyAssistant.Fakes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace PartyAssistant.Tests.Fakes;

/// <summary>The fake must behave like the real Bot API, or bot tests built on it would prove nothing.</summary>
public sealed class FakeTelegramServerTests
{
    private const long Chat = 42;
    private const long User = 42;
    private const long Group = -1001234567890;

    private sealed record Reply(HttpStatusCode Status, JsonObject Body)
    {
        public JsonNode? Result => Body["result"];
        public string? Description => (string?)Body["description"];
    }

    private static async Task<Reply> CallAsync(HttpClient http, FakeTelegramServer server, string method, JsonObject? body = null)
    {
        using var response = body is null
            ? await http.PostAsync(server.MethodUrl(method), null)
            : await http.PostAsync(server.MethodUrl(method), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        return await ReadAsync(response);
    }

    private static async Task<Reply> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        // Telegram's envelope: ok, and on failure error_code equal to the HTTP status.
        Assert.Equal(response.IsSuccessStatusCode, (bool)body["ok"]!);
        if (!response.IsSuccessStatusCode)
            Assert.Equal((int)response.StatusCode, (int)body["error_code"]!);
        return new Reply(response.StatusCode, body);
    }

    private static Task<Reply> SendAsync(HttpClient http, FakeTelegramServer server, string text, string? parseMode = "HTML", long chatId = Chat, JsonObject? markup = null)
    {
        var body = new JsonObject { ["chat_id"] = chatId, ["text"] = text };
        if (parseMode is not null)
            body["parse_mode"] = parseMode;
        if (markup is not null)
            body["reply_markup"] = markup;
        return CallAsync(http, server, "sendMessage", body);
    }

    private static JsonObject Keyboard(params (string Text, string Data)[] buttons) => new()
    {
        ["inline_keyboard"] = new JsonArray(new JsonArray([.. buttons.Select(b => (JsonNode)new JsonObject { ["text"] = b.Text, ["callback_data"] = b.Data })])),
    };

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"Timed out waiting until {what}.");
            await Task.Delay(10);
        }
    }

    // ---------------------------------------------------------------- routing and envelope

    [Fact]
    public async Task Routing_checks_token_and_method_and_accepts_any_case_get_and_form()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var wrongToken = await ReadAsync(await http.PostAsync(new Uri(server.BaseUrl, "/bot999:WRONG/getMe"), null));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.Status);
        Assert.Equal("Unauthorized", wrongToken.Description);

        var unknown = await CallAsync(http, server, "sendTelepathy");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("Not Found", unknown.Description);

        var noMethod = await ReadAsync(await http.GetAsync(new Uri(server.BaseUrl, "/getMe")));
        Assert.Equal(HttpStatusCode.NotFound, noMethod.Status);

        var upper = await ReadAsync(await http.GetAsync(server.MethodUrl("GETME")));
        Assert.Equal(HttpStatusCode.OK, upper.Status);
        Assert.Equal(server.BotUserId, (long)upper.Result!["id"]!);
        Assert.Equal("getMe", server.Calls[^1].Method); // recorded under the canonical name

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "42",
            ["text"] = "<b>Xin chào</b>",
            ["parse_mode"] = "HTML",
            ["reply_markup"] = Keyboard(("Nguồn", "src:1")).ToJsonString(),
        });
        var sent = await ReadAsync(await http.PostAsync(server.MethodUrl("sendmessage"), form));
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal("Xin chào", (string?)sent.Result!["text"]);
        Assert.Equal(["src:1"], Assert.Single(server.SentMessages).CallbackData);
    }

    [Fact]
    public async Task GetMe_returns_the_bot_user()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var me = (await CallAsync(http, server, "getMe")).Result!;

        Assert.Equal(999000, (long)me["id"]!);
        Assert.True((bool)me["is_bot"]!);
        Assert.Equal("Trợ lý Đảng", (string?)me["first_name"]);
        Assert.Equal("party_assistant_bot", (string?)me["username"]);
        Assert.True((bool)me["can_join_groups"]!);
        Assert.False((bool)me["can_read_all_group_messages"]!);
        Assert.False((bool)me["supports_inline_queries"]!);
        Assert.Equal("party_assistant_bot", server.BotUsername);
    }

    // ---------------------------------------------------------------- inbound updates

    [Fact]
    public async Task Pushed_messages_have_telegram_shape_entities_and_replies()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var first = server.PushMessage(Chat, User, "/start", username: "nguyen_van_a");
        Assert.Equal(100, first);
        var botReply = await SendAsync(http, server, "Chào bạn", chatId: Group);
        var botMessageId = (long)botReply.Result!["message_id"]!;
        const string text = "/hoi@party_assistant_bot Điều lệ? cc @someone_else";
        var second = server.PushMessage(Group, 7, text, "supergroup", "Chi bộ 1", replyToMessageFromUserId: server.BotUserId, firstName: "Trần");
        Assert.Equal(101, second);

        var updates = (await CallAsync(http, server, "getUpdates")).Result!.AsArray();
        Assert.Equal([100L, 101L], updates.Select(u => (long)u!["update_id"]!));

        var start = updates[0]!["message"]!;
        Assert.Equal("private", (string?)start["chat"]!["type"]);
        Assert.Equal(Chat, (long)start["chat"]!["id"]!);
        Assert.False((bool)start["from"]!["is_bot"]!);
        Assert.Equal("Nguyễn", (string?)start["from"]!["first_name"]);
        Assert.Equal("nguyen_van_a", (string?)start["from"]!["username"]);
        Assert.True((long)start["date"]! > 1_700_000_000);
        var command = Assert.Single(start["entities"]!.AsArray())!;
        Assert.Equal(("bot_command", 0, 6), ((string?)command["type"], (int)command["offset"]!, (int)command["length"]!));

        var group = updates[1]!["message"]!;
        Assert.Equal("supergroup", (string?)group["chat"]!["type"]);
        Assert.Equal("Chi bộ 1", (string?)group["chat"]!["title"]);
        Assert.Null(group["from"]!["username"]); // nulls are omitted, as Telegram does
        var entities = group["entities"]!.AsArray();
        Assert.Equal(2, entities.Count);
        Assert.Equal(("bot_command", 0, "/hoi@party_assistant_bot".Length), ((string?)entities[0]!["type"], (int)entities[0]!["offset"]!, (int)entities[0]!["length"]!));
        Assert.Equal(("mention", text.IndexOf("@someone_else", StringComparison.Ordinal), "@someone_else".Length),
            ((string?)entities[1]!["type"], (int)entities[1]!["offset"]!, (int)entities[1]!["length"]!));
        var replied = group["reply_to_message"]!;
        Assert.Equal(server.BotUserId, (long)replied["from"]!["id"]!);
        Assert.True((bool)replied["from"]!["is_bot"]!);
        Assert.Equal(botMessageId, (long)replied["message_id"]!);
        Assert.Equal("Chào bạn", (string?)replied["text"]);
    }

    // ---------------------------------------------------------------- getUpdates

    [Fact]
    public async Task GetUpdates_offset_confirms_and_negative_offset_keeps_the_last()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        for (var i = 0; i < 5; i++)
            server.PushMessage(Chat, User, $"tin {i}");

        async Task<string> PollAsync(JsonObject? body = null)
        {
            var reply = await CallAsync(http, server, "getUpdates", body);
            return string.Join(",", reply.Result!.AsArray().Select(u => (long)u!["update_id"]!));
        }

        Assert.Equal("100,101", await PollAsync(new JsonObject { ["limit"] = 2 }));
        Assert.Equal(5, server.PendingUpdateCount); // offset 0 confirms nothing
        Assert.Equal("102,103,104", await PollAsync(new JsonObject { ["offset"] = 102 }));
        Assert.Equal(3, server.PendingUpdateCount); // 100 and 101 are gone for good
        Assert.Equal("102,103,104", await PollAsync());
        Assert.Equal("104", await PollAsync(new JsonObject { ["offset"] = -1 }));
        Assert.Equal(1, server.PendingUpdateCount); // a negative offset forgets the earlier ones
        Assert.Equal("", await PollAsync(new JsonObject { ["offset"] = 105 }));
        Assert.Equal(0, server.PendingUpdateCount);

        Assert.Equal(105, server.PushMessage(Chat, User, "tiếp"));
        Assert.Equal("105", await PollAsync(new JsonObject { ["offset"] = "105", ["limit"] = 0 })); // form-style string; limit clamped to 1
    }

    [Fact]
    public async Task Long_poll_returns_as_soon_as_an_update_is_pushed()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var watch = Stopwatch.StartNew();

        var poll = CallAsync(http, server, "getUpdates", new JsonObject { ["timeout"] = 20 });
        await EventuallyAsync(() => server.ActiveGetUpdatesRequests == 1, "the long poll is waiting");
        Assert.False(poll.IsCompleted);
        server.PushMessage(Chat, User, "đánh thức");
        var reply = await poll;

        // Well before the 20 s the poll would otherwise wait (wide: the suite shares 2 cores with browser and office tests).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(12), $"took {watch.Elapsed}");
        Assert.Equal("đánh thức", (string?)Assert.Single(reply.Result!.AsArray())!["message"]!["text"]);
    }

    [Fact]
    public async Task Long_poll_times_out_with_an_empty_array()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var watch = Stopwatch.StartNew();

        var reply = await CallAsync(http, server, "getUpdates", new JsonObject { ["timeout"] = 1 });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(reply.Result!.AsArray());
        // Not before the timeout; and well before a poll that ignored it would end (the suite's browser and office tests
        // share 2 cores with it, so the bound is wide: a 1 s poll once took 5 s to come back under that load).
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_newer_getUpdates_ends_the_older_with_409_and_an_aborted_poll_is_released()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var older = CallAsync(http, server, "getUpdates", new JsonObject { ["timeout"] = 20 });
        await EventuallyAsync(() => server.ActiveGetUpdatesRequests == 1, "the first poll is waiting");
        var newer = await CallAsync(http, server, "getUpdates", new JsonObject { ["timeout"] = 0 });
        var conflict = await older;

        Assert.Equal(HttpStatusCode.OK, newer.Status);
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.StartsWith("Conflict: terminated by other getUpdates request", conflict.Description);

        using var abort = new CancellationTokenSource();
        var aborted = http.PostAsync(server.MethodUrl("getUpdates"), new StringContent("""{"timeout":30}""", Encoding.UTF8, "application/json"), abort.Token);
        await EventuallyAsync(() => server.ActiveGetUpdatesRequests == 1, "the second poll is waiting");
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => aborted);
        await EventuallyAsync(() => server.ActiveGetUpdatesRequests == 0, "the server notices the client left");
    }

    // ---------------------------------------------------------------- webhook

    [Fact]
    public async Task Webhook_mode_blocks_getUpdates_and_delivers_with_the_secret()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = new HttpClient();
        var leftOver = server.PushMessage(Chat, User, "trước webhook");

        var badSecret = await CallAsync(http, server, "setWebhook", new JsonObject { ["url"] = receiver.Url.ToString(), ["secret_token"] = "có dấu" });
        Assert.Equal("Bad Request: secret token contains unallowed characters", badSecret.Description);
        Assert.Null(server.WebhookUrl);

        var set = await CallAsync(http, server, "setWebhook", new JsonObject { ["url"] = receiver.Url.ToString(), ["secret_token"] = "s3cret_-X" });
        Assert.True((bool)set.Result!);
        Assert.Equal("Webhook was set", set.Description);
        Assert.Equal(receiver.Url.ToString(), server.WebhookUrl);
        Assert.Equal("s3cret_-X", server.WebhookSecret);

        var pushed = server.PushMessage(Chat, User, "qua webhook");
        var conflict = await CallAsync(http, server, "getUpdates");
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", conflict.Description);
        var info = (await CallAsync(http, server, "getWebhookInfo")).Result!;
        Assert.Equal(receiver.Url.ToString(), (string?)info["url"]);
        Assert.False((bool)info["has_custom_certificate"]!);
        Assert.Equal(2, (int)info["pending_update_count"]!); // the unfetched update moved to the webhook queue too
        Assert.Equal([leftOver, pushed], server.PendingWebhookUpdateIds);

        receiver.Status = 500;
        using (var failed = await server.DeliverToWebhookAsync(receiver.Url, pushed, server.WebhookSecret))
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains(pushed, server.PendingWebhookUpdateIds); // non-2xx: still pending, as Telegram would retry
        receiver.Status = 200;
        using (var delivered = await server.DeliverToWebhookAsync(receiver.Url, pushed, server.WebhookSecret))
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal([leftOver], server.PendingWebhookUpdateIds);
        using (await server.DeliverToWebhookAsync(receiver.Url, leftOver, null)) { }

        var received = receiver.Received.ToArray();
        Assert.Equal(3, received.Length);
        Assert.Equal("s3cret_-X", received[1].Secret);
        Assert.Null(received[2].Secret);
        var update = JsonNode.Parse(received[1].Body)!;
        Assert.Equal(pushed, (long)update["update_id"]!);
        Assert.Equal("qua webhook", (string?)update["message"]!["text"]);

        var deleted = await CallAsync(http, server, "deleteWebhook");
        Assert.Equal("Webhook was deleted", deleted.Description);
        Assert.Null(server.WebhookUrl);
        var polled = await CallAsync(http, server, "getUpdates");
        Assert.Empty(polled.Result!.AsArray()); // everything was delivered
    }

    private sealed class WebhookReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private WebhookReceiver()
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Services.AddRoutingCore();
            _app = builder.Build();
            _app.Run(async ctx =>
            {
                using var reader = new StreamReader(ctx.Request.Body);
                var body = await reader.ReadToEndAsync();
                var secret = ctx.Request.Headers.TryGetValue("X-Telegram-Bot-Api-Secret-Token", out var s) ? s.ToString() : null;
                Received.Enqueue((secret, body));
                ctx.Response.StatusCode = Status;
            });
        }

        public ConcurrentQueue<(string? Secret, string Body)> Received { get; } = new();

        public int Status { get; set; } = 200;

        public Uri Url { get; private set; } = null!;

        public static async Task<WebhookReceiver> StartAsync()
        {
            var receiver = new WebhookReceiver();
            await receiver._app.StartAsync();
            receiver.Url = new Uri($"http://127.0.0.1:{new Uri(receiver._app.Urls.Single()).Port}/webhooks/telegram");
            return receiver;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }

    // ---------------------------------------------------------------- sendMessage validation

    [Theory]
    [InlineData("<b>đậm</b> và <i>nghiêng</i>", "đậm và nghiêng")]
    [InlineData("<strong>a</strong><em>b</em><u>c</u><ins>d</ins><s>e</s><strike>f</strike><del>g</del><B>h</B>", "abcdefgh")]
    [InlineData("<span class=\"tg-spoiler\">ẩn</span> <tg-spoiler>ẩn</tg-spoiler>", "ẩn ẩn")]
    [InlineData("<a href=\"https://example.com/?a=1&b=2\">liên kết</a>", "liên kết")]
    [InlineData("<pre><code class=\"language-csharp\">if (a &lt; b) {}</code></pre>", "if (a < b) {}")]
    [InlineData("<blockquote expandable>trích dẫn</blockquote><blockquote>hai</blockquote>", "trích dẫnhai")]
    [InlineData("<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>", "👍")]
    [InlineData("1 &lt; 2 &amp;&amp; 3 &gt; 2 &quot;x&quot; &#39;y&#39; &#x1F600;", "1 < 2 && 3 > 2 \"x\" 'y' 😀")]
    [InlineData("  \n<b>  cắt khoảng trắng  </b>\n ", "cắt khoảng trắng")]
    [InlineData("a > b", "a > b")]
    public async Task Html_that_Telegram_accepts_is_sent_as_its_plain_text(string html, string plain)
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var reply = await SendAsync(http, server, html);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(plain, (string?)reply.Result!["text"]);
        var sent = Assert.Single(server.SentMessages);
        Assert.Equal((html, "HTML", plain), (sent.Text, sent.ParseMode, sent.PlainText));
    }

    [Theory]
    [InlineData("<b>chưa đóng", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("<x>lạ</x>", "Unsupported start tag \"x\" at byte offset 0")]
    [InlineData("ệ<x>", "Unsupported start tag \"x\" at byte offset 3")] // offsets are UTF-8 bytes
    [InlineData("a < b", "Unsupported start tag \"\" at byte offset 2")]
    [InlineData("1<2", "Unclosed start tag at byte offset 1")]
    [InlineData("<br>dòng", "Unsupported start tag \"br\"")]
    [InlineData("AT&T", "Character '&' at byte offset 2")]
    [InlineData("&nbsp;", "Character '&' at byte offset 0")]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    [InlineData("x</b>", "Unexpected end tag at byte offset 1")]
    [InlineData("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\"")]
    public async Task Html_that_Telegram_rejects_is_a_400_cant_parse_entities(string html, string detail)
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var reply = await SendAsync(http, server, html);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.StartsWith("Bad Request: can't parse entities: ", reply.Description);
        Assert.Contains(detail, reply.Description);
        Assert.Empty(server.SentMessages);
        Assert.Equal(reply.Description, Assert.Single(server.FailedCalls).Description);
    }

    [Theory]
    [InlineData("MarkdownV2", "*đậm* _nghiêng_ __gạch__ ||ẩn|| [web](https://dangcongsan.vn) `mã` 1\\.5", "đậm nghiêng gạch ẩn web mã 1.5", null)]
    [InlineData("MarkdownV2", "Điều 1.", null, "Character '.' is reserved and must be escaped with the preceding '\\'")]
    [InlineData("MarkdownV2", "*chưa đóng", null, "Can't find end of Bold entity at byte offset 0")]
    [InlineData("Markdown", "*đậm* _nghiêng_ 1.5 (a)", "đậm nghiêng 1.5 (a)", null)]
    [InlineData("Markdown", "tên_biến", null, "Can't find end of the entity starting at byte offset 4")] // ê is two UTF-8 bytes
    public async Task Markdown_modes_are_parsed_too(string parseMode, string text, string? plain, string? error)
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var reply = await SendAsync(http, server, text, parseMode);

        Assert.Equal(plain, (string?)reply.Result?["text"]);
        Assert.Equal(error is null ? null : "Bad Request: can't parse entities: " + error, reply.Description);
    }

    [Fact]
    public async Task Returned_message_carries_entities_in_utf16_offsets()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var message = (await SendAsync(http, server, "😀 <b>đậm</b> <a href=\"https://dangcongsan.vn\">link</a>")).Result!;

        Assert.Equal("😀 đậm link", (string?)message["text"]);
        Assert.Equal(server.BotUserId, (long)message["from"]!["id"]!);
        Assert.Equal(Chat, (long)message["chat"]!["id"]!);
        var entities = message["entities"]!.AsArray();
        Assert.Equal(("bold", 3, 3), ((string?)entities[0]!["type"], (int)entities[0]!["offset"]!, (int)entities[0]!["length"]!));
        Assert.Equal(("text_link", 7, 4, "https://dangcongsan.vn"),
            ((string?)entities[1]!["type"], (int)entities[1]!["offset"]!, (int)entities[1]!["length"]!, (string?)entities[1]!["url"]));
    }

    [Fact]
    public async Task Text_length_is_counted_in_utf16_units_after_parsing()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, server, "<b>" + new string('a', 4096) + "</b>")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, server, string.Concat(Enumerable.Repeat("&lt;", 4096)))).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, server, string.Concat(Enumerable.Repeat("😀", 2048)))).Status);

        var tooLong = await SendAsync(http, server, new string('ệ', 4097), parseMode: null);
        Assert.Equal((HttpStatusCode.BadRequest, "Bad Request: message is too long"), (tooLong.Status, tooLong.Description));
        // 2049 emoji are 2049 characters but 4098 UTF-16 units.
        var emoji = await SendAsync(http, server, string.Concat(Enumerable.Repeat("😀", 2049)));
        Assert.Equal("Bad Request: message is too long", emoji.Description);

        foreach (var empty in new[] { "", "   \n ", "<b></b>" })
            Assert.Equal("Bad Request: message text is empty", (await SendAsync(http, server, empty)).Description);
        Assert.Equal("Bad Request: chat_id is empty", (await CallAsync(http, server, "sendMessage", new JsonObject { ["text"] = "x" })).Description);
        Assert.Equal("Bad Request: unsupported parse_mode", (await SendAsync(http, server, "x", parseMode: "BBCode")).Description);
        Assert.Equal(3, server.SentMessages.Count);
    }

    [Fact]
    public async Task Callback_data_is_limited_to_64_utf8_bytes()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var fits = new string('ệ', 21); // 63 bytes
        var tooBig = new string('ệ', 22); // 22 characters but 66 bytes
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, server, "ok", markup: Keyboard(("Câu hỏi", fits)))).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, server, "ok", markup: Keyboard(("A", new string('x', 64))))).Status);

        foreach (var data in new[] { tooBig, new string('x', 65), "" })
        {
            var reply = await SendAsync(http, server, "ok", markup: Keyboard(("Câu hỏi", data)));
            Assert.Equal((HttpStatusCode.BadRequest, "Bad Request: BUTTON_DATA_INVALID"), (reply.Status, reply.Description));
        }

        var textOnly = new JsonObject { ["inline_keyboard"] = new JsonArray(new JsonArray(new JsonObject { ["text"] = "chỉ chữ" })) };
        Assert.Contains("Text buttons are unallowed", (await SendAsync(http, server, "ok", markup: textOnly)).Description);
        var url = new JsonObject { ["inline_keyboard"] = new JsonArray(new JsonArray(new JsonObject { ["text"] = "Web", ["url"] = "https://dangcongsan.vn" })) };
        var withUrl = await SendAsync(http, server, "ok", markup: url);
        Assert.Equal("https://dangcongsan.vn", (string?)withUrl.Result!["reply_markup"]!["inline_keyboard"]![0]![0]!["url"]);

        Assert.Equal(3, server.SentMessages.Count);
        Assert.Equal(fits, Assert.Single(server.SentMessages[0].CallbackData));
    }

    [Fact]
    public async Task Replies_must_point_at_an_existing_message_unless_allowed()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        server.PushMessage(Chat, User, "hỏi");

        var reply = await CallAsync(http, server, "sendMessage", new JsonObject
        {
            ["chat_id"] = Chat, ["text"] = "đáp", ["reply_parameters"] = new JsonObject { ["message_id"] = 1 },
        });
        Assert.Equal("hỏi", (string?)reply.Result!["reply_to_message"]!["text"]);
        Assert.Equal(1, server.SentMessages[0].ReplyToMessageId);

        var missing = await CallAsync(http, server, "sendMessage", new JsonObject
        {
            ["chat_id"] = Chat, ["text"] = "đáp", ["reply_parameters"] = new JsonObject { ["message_id"] = 99 },
        });
        Assert.Equal("Bad Request: message to be replied not found", missing.Description);

        var allowed = await CallAsync(http, server, "sendMessage", new JsonObject
        {
            ["chat_id"] = Chat, ["text"] = "đáp", ["reply_parameters"] = new JsonObject { ["message_id"] = 99, ["allow_sending_without_reply"] = true },
        });
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Null(allowed.Result!["reply_to_message"]);
    }

    // ---------------------------------------------------------------- faults

    [Fact]
    public async Task FailNext_scripts_429_then_500_then_recovers()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        server.FailNext("SendMessage", 2, 429, "", retryAfter: 3);
        server.FailNext("sendMessage", 1, 500, "Internal Server Error: boom");

        for (var i = 0; i < 2; i++)
        {
            var limited = await SendAsync(http, server, "x");
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
            Assert.Equal("Too Many Requests: retry after 3", limited.Description);
            Assert.Equal(3, (int)limited.Body["parameters"]!["retry_after"]!);
        }

        var broken = await SendAsync(http, server, "x");
        Assert.Equal((HttpStatusCode.InternalServerError, "Internal Server Error: boom"), (broken.Status, broken.Description));
        Assert.Null(broken.Body["parameters"]);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, server, "x")).Status);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, server, "getMe")).Status); // other methods were never affected

        Assert.Single(server.SentMessages);
        Assert.Equal([429, 429, 500], server.FailedCalls.Select(f => f.ErrorCode));
        Assert.Equal(4, server.Calls.Count(c => c.Method == "sendMessage"));
    }

    [Fact]
    public async Task Interceptor_can_replace_any_answer()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        server.Interceptor = (method, parameters) => method switch
        {
            "sendChatAction" => FakeTelegramReply.Error(403, "Forbidden: bot was blocked by the user"),
            "sendMessage" when (string?)parameters["text"] == "proxy" => FakeTelegramReply.Raw(502, "<html>Bad Gateway</html>"),
            _ => null,
        };

        var blocked = await CallAsync(http, server, "sendChatAction", new JsonObject { ["chat_id"] = Chat, ["action"] = "typing" });
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden: bot was blocked by the user"), (blocked.Status, blocked.Description));
        using var gateway = await http.PostAsync(server.MethodUrl("sendMessage"), new StringContent("""{"chat_id":42,"text":"proxy"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadGateway, gateway.StatusCode);
        Assert.Equal("text/html", gateway.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, server, "bình thường")).Status);
        Assert.Empty(server.ChatActions);

        server.Interceptor = null;
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, server, "sendChatAction", new JsonObject { ["chat_id"] = Chat, ["action"] = "typing" })).Status);
        Assert.Equal("Bad Request: wrong parameter action in request",
            (await CallAsync(http, server, "sendChatAction", new JsonObject { ["chat_id"] = Chat, ["action"] = "dancing" })).Description);
        Assert.Equal([Chat], server.ChatActions);
    }

    [Fact]
    public async Task A_hanging_reply_holds_until_the_client_gives_up()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        server.Interceptor = (method, _) => method == "getMe" ? FakeTelegramReply.Hang() : null;
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.PostAsync(server.MethodUrl("getMe"), null));

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(20));
        server.Interceptor = (method, _) => method == "getMe" ? FakeTelegramReply.Delayed(TimeSpan.FromMilliseconds(50), FakeTelegramReply.Ok(true)) : null;

        // The server still serves; a patient client (a busy CI machine may take longer than 300 ms) gets the answer.
        using var patient = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.True((bool)(await CallAsync(patient, server, "getMe")).Result!);
    }

    [Fact]
    public async Task Raw_updates_get_the_next_id_and_their_messages_become_known()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        server.PushMessage(Chat, User, "một");

        var id = server.PushRawUpdate(new JsonObject
        {
            ["edited_message"] = new JsonObject
            {
                ["message_id"] = 50, ["date"] = 1_700_000_000, ["text"] = "sửa",
                ["chat"] = new JsonObject { ["id"] = Group, ["type"] = "group", ["title"] = "Tổ" },
                ["from"] = new JsonObject { ["id"] = 7, ["is_bot"] = false, ["first_name"] = "Lê" },
            },
        });
        var explicitId = server.PushRawUpdate(new JsonObject { ["update_id"] = 500, ["my_chat_member"] = new JsonObject() });

        Assert.Equal((101L, 500L), (id, explicitId));
        var updates = (await CallAsync(http, server, "getUpdates")).Result!.AsArray();
        Assert.Equal("sửa", (string?)updates[1]!["edited_message"]!["text"]);
        var reply = await CallAsync(http, server, "sendMessage", new JsonObject
        {
            ["chat_id"] = Group, ["text"] = "đáp", ["reply_parameters"] = new JsonObject { ["message_id"] = 50 },
        });
        Assert.Equal(50, (long)reply.Result!["reply_to_message"]!["message_id"]!);
        Assert.Equal(51, (long)reply.Result!["message_id"]!);
        Assert.Equal("Tổ", (string?)reply.Result!["chat"]!["title"]);
        Assert.Equal(501, server.PushMessage(Chat, User, "sau"));
    }

    [Fact]
    public async Task Flood_limit_answers_429_per_chat_and_per_group()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        server.FloodLimit = new TelegramFloodLimit(PerChatPerSecond: 1, PerGroupPerMinute: 20, RetryAfterSeconds: 2);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, server, "một")).Status);
        var limited = await SendAsync(http, server, "hai");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("Too Many Requests: retry after 2", limited.Description);
        Assert.Equal(2, (int)limited.Body["parameters"]!["retry_after"]!);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, server, "chat khác", chatId: 43)).Status);

        server.FloodLimit = new TelegramFloodLimit(PerChatPerSecond: 100, PerGroupPerMinute: 3);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, server, $"nhóm {i}", chatId: Group)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(http, server, "nhóm 4", chatId: Group)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, server, "riêng vẫn được", chatId: 44)).Status);

        server.FloodLimit = null;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, server, "tắt giới hạn", chatId: Group)).Status);
        Assert.Equal(7, server.SentMessages.Count);
    }

    // ---------------------------------------------------------------- commands, callbacks, edits

    [Fact]
    public async Task SetMyCommands_validates_like_Telegram()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        static JsonObject Commands(params (string Command, string Description)[] commands) => new()
        {
            ["commands"] = new JsonArray([.. commands.Select(c => (JsonNode)new JsonObject { ["command"] = c.Command, ["description"] = c.Description })]),
        };

        var ok = await CallAsync(http, server, "setMyCommands", Commands(("/start", "Bắt đầu"), ("hoi", "Hỏi về Điều lệ Đảng")));
        Assert.True((bool)ok.Result!);
        Assert.Equal([("start", "Bắt đầu"), ("hoi", "Hỏi về Điều lệ Đảng")], server.Commands);
        var listed = (await CallAsync(http, server, "getMyCommands")).Result!.AsArray();
        Assert.Equal(["start", "hoi"], listed.Select(c => (string?)c!["command"]));

        var cases = new (JsonObject Body, string Description)[]
        {
            (Commands(("Start", "x")), "Bad Request: BOT_COMMAND_INVALID"),
            (Commands(("hỏi", "x")), "Bad Request: BOT_COMMAND_INVALID"),
            (Commands((new string('a', 33), "x")), "Bad Request: command length must not exceed 32"),
            (Commands(("/", "x")), "Bad Request: command must be non-empty"),
            (Commands(("help", " ")), "Bad Request: command description must be non-empty"),
            (Commands(("help", new string('ệ', 257))), "Bad Request: command description length must not exceed 256"),
            (Commands([.. Enumerable.Range(0, 101).Select(i => ($"c{i}", "x"))]), "Bad Request: BOT_COMMANDS_TOO_MUCH"),
        };
        foreach (var (body, description) in cases)
        {
            var rejected = await CallAsync(http, server, "setMyCommands", body);
            Assert.Equal((HttpStatusCode.BadRequest, description), (rejected.Status, rejected.Description));
        }

        Assert.Equal(2, server.Commands.Count); // failed calls change nothing

        Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, server, "setMyCommands", Commands([.. Enumerable.Range(0, 100).Select(i => ($"c{i}", "x"))]))).Status);
        Assert.Equal(100, server.Commands.Count);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, server, "setMyCommands", Commands())).Status); // an empty list clears them
        Assert.Empty(server.Commands);
    }

    [Fact]
    public async Task Callback_queries_are_answered_once()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var sent = await SendAsync(http, server, "Chọn:", markup: Keyboard(("Nguồn", "src:1")));
        var messageId = (long)sent.Result!["message_id"]!;

        var updateId = server.PushCallback(Chat, User, messageId, "src:1");
        var query = Assert.Single((await CallAsync(http, server, "getUpdates")).Result!.AsArray())!["callback_query"]!;
        var id = (string)query["id"]!;
        Assert.Equal(updateId, server.GetUpdate(updateId)!["update_id"]!.GetValue<long>());
        Assert.Equal("src:1", (string?)query["data"]);
        Assert.Equal(User, (long)query["from"]!["id"]!);
        Assert.Equal(messageId, (long)query["message"]!["message_id"]!);
        Assert.Equal(Chat, (long)query["message"]!["chat"]!["id"]!);
        Assert.False(string.IsNullOrEmpty((string?)query["chat_instance"]));
        Assert.Equal([id], server.UnansweredCallbackQueryIds);

        var waiting = server.WaitForCallbackAnswersAsync(1, TimeSpan.FromSeconds(5));
        Assert.Equal("Bad Request: MESSAGE_TOO_LONG",
            (await CallAsync(http, server, "answerCallbackQuery", new JsonObject { ["callback_query_id"] = id, ["text"] = new string('a', 201) })).Description);
        var answered = await CallAsync(http, server, "answerCallbackQuery", new JsonObject { ["callback_query_id"] = id, ["text"] = "Đã nhận", ["show_alert"] = true });
        Assert.True((bool)answered.Result!);
        var answer = await waiting;
        Assert.Equal((id, "Đã nhận", true, Chat, User, messageId, "src:1"),
            (answer.CallbackQueryId, answer.Text, answer.ShowAlert, answer.ChatId, answer.UserId, answer.MessageId, answer.Data));
        Assert.Empty(server.UnansweredCallbackQueryIds);

        const string tooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";
        Assert.Equal(tooOld, (await CallAsync(http, server, "answerCallbackQuery", new JsonObject { ["callback_query_id"] = id })).Description);
        Assert.Equal(tooOld, (await CallAsync(http, server, "answerCallbackQuery", new JsonObject { ["callback_query_id"] = "123" })).Description);
        Assert.Single(server.AnsweredCallbacks);
    }

    [Fact]
    public async Task Edits_and_deletes_follow_the_message_store()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        server.PushMessage(Chat, User, "tin của người dùng");
        var messageId = (long)(await SendAsync(http, server, "<b>bản nháp</b>", markup: Keyboard(("A", "a")))).Result!["message_id"]!;
        Assert.Equal(2, messageId); // message ids run per chat, shared with the user's messages

        JsonObject Edit(long id, string text) => new() { ["chat_id"] = Chat, ["message_id"] = id, ["text"] = text, ["parse_mode"] = "HTML" };
        var edited = (await CallAsync(http, server, "editMessageText", Edit(messageId, "<i>bản cuối</i>"))).Result!;
        Assert.Equal("bản cuối", (string?)edited["text"]);
        Assert.NotNull(edited["edit_date"]);
        Assert.Null(edited["reply_markup"]); // editing without reply_markup drops the keyboard, as on Telegram
        Assert.Equal("bản cuối", Assert.Single(server.EditedMessages).PlainText);

        Assert.StartsWith("Bad Request: message is not modified",
            (await CallAsync(http, server, "editMessageText", Edit(messageId, "<i>bản cuối</i>"))).Description);
        Assert.Equal("Bad Request: message can't be edited", (await CallAsync(http, server, "editMessageText", Edit(1, "x"))).Description);
        Assert.Equal("Bad Request: message to edit not found", (await CallAsync(http, server, "editMessageText", Edit(77, "x"))).Description);
        Assert.Equal("Bad Request: can't parse entities: Unexpected end tag at byte offset 1",
            (await CallAsync(http, server, "editMessageText", Edit(messageId, "x</b>"))).Description);

        var delete = new JsonObject { ["chat_id"] = Chat, ["message_id"] = messageId };
        Assert.True((bool)(await CallAsync(http, server, "deleteMessage", delete)).Result!);
        Assert.Equal("Bad Request: message to delete not found", (await CallAsync(http, server, "deleteMessage", (JsonObject)delete.DeepClone())).Description);
        Assert.Equal([(Chat, messageId)], server.DeletedMessages);
    }

    [Fact]
    public async Task Waiting_for_messages_returns_the_nth_or_explains_the_timeout()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var second = server.WaitForMessagesAsync(2, TimeSpan.FromSeconds(5));
        await SendAsync(http, server, "một");
        Assert.False(second.IsCompleted);
        await SendAsync(http, server, "hai");
        Assert.Equal("hai", (await second).PlainText);

        await SendAsync(http, server, "<x>");
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => server.WaitForMessagesAsync(3, TimeSpan.FromMilliseconds(100)));
        Assert.Contains("Expected at least 3 sent message(s)", timeout.Message);
        Assert.Contains("received 2", timeout.Message);
        Assert.Contains("sendMessage×3", timeout.Message);
        Assert.Contains("Unsupported start tag", timeout.Message); // the failure that explains the missing message
    }

    // ---------------------------------------------------------------- the real client

    [Fact]
    public async Task Telegram_Bot_client_works_against_the_fake()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(server.Token, baseUrl: server.BaseUrl.ToString()) { RetryThreshold = 0 }, http);

        var me = await bot.GetMe();
        Assert.Equal((server.BotUserId, true, "party_assistant_bot", true), (me.Id, me.IsBot, me.Username, me.CanJoinGroups));

        server.PushMessage(Chat, User, "/start");
        server.PushMessage(Chat, User, "Xin chào");
        var updates = await bot.GetUpdates(timeout: 0);
        Assert.Equal([100, 101], updates.Select(u => u.Id));
        Assert.Equal(MessageEntityType.BotCommand, Assert.Single(updates[0].Message!.Entities!).Type);
        Assert.Equal(ChatType.Private, updates[1].Message!.Chat.Type);
        Assert.Empty(await bot.GetUpdates(offset: updates[^1].Id + 1, timeout: 0));
        Assert.Equal(0, server.PendingUpdateCount);

        var sent = await bot.SendMessage(Chat, "<b>Chào</b> bạn &amp; nhóm", ParseMode.Html,
            replyParameters: updates[1].Message!.Id,
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Nguồn", "src:1")));
        Assert.Equal("Chào bạn & nhóm", sent.Text);
        Assert.Equal(MessageEntityType.Bold, Assert.Single(sent.Entities!).Type);
        Assert.Equal(server.BotUserId, sent.From!.Id);
        Assert.Equal("Xin chào", sent.ReplyToMessage!.Text);
        Assert.Equal("src:1", sent.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);
        var recorded = Assert.Single(server.SentMessages);
        Assert.Equal((sent.Id, "Chào bạn & nhóm"), ((int)recorded.MessageId, recorded.PlainText));
        Assert.Equal("html", recorded.ParseMode?.ToLowerInvariant()); // Telegram.Bot writes "Html"; Telegram ignores the case

        var bad = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Chat, "a < b", ParseMode.Html));
        Assert.Equal(400, bad.ErrorCode);
        Assert.Contains("can't parse entities", bad.Message);

        server.FailNext("sendMessage", 1, 429, "Too Many Requests: retry after 7", retryAfter: 7);
        var limited = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Chat, "lại"));
        Assert.Equal(429, limited.ErrorCode);
        Assert.Equal(7, limited.Parameters?.RetryAfter);
        Assert.Single(server.SentMessages);
    }
}
