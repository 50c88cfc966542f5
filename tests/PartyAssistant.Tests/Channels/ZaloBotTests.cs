using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using PartyAssistant.Channels.Zalo;
using PartyAssistant.Cli.Commands;
using PartyAssistant.Fakes;

namespace PartyAssistant.Tests.Channels;

/// <summary>The Zalo Bot Platform path, by polling and by webhook, against a fake Bot API on 127.0.0.1.</summary>
public sealed class ZaloBotTests : IAsyncLifetime
{
    private const string Question = "Cấp ủy có phải tiếp dân định kỳ không?";
    private readonly TempDirectory data = new();
    private FakeZaloBotServer server = null!;

    public async Task InitializeAsync() => this.server = await FakeZaloBotServer.StartAsync();

    public async Task DisposeAsync()
    {
        await this.server.DisposeAsync();
        this.data.Dispose();
    }

    [Fact]
    public async Task Polling_answers_with_citations_and_shows_typing()
    {
        using var host = new ZaloTestHost(this.data.Path, null, this.server.BaseUrl);
        this.server.PushText("chat-1", "user-1", Question);
        this.server.PushText("chat-1", "user-1", "/vanban");

        using var stop = new CancellationTokenSource();
        var run = host.Bot.RunAsync(stop.Token);
        await this.server.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await run;

        Assert.Contains("[1]", this.server.SentMessages[0].Text, StringComparison.Ordinal);
        Assert.Contains("gửi: xem kl-tu-nq03/II.3.1", this.server.SentMessages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Các văn bản đã nạp", this.server.SentMessages[1].Text, StringComparison.Ordinal);
        Assert.Contains(this.server.ChatActions, a => a.ChatId == "chat-1" && a.Action == "typing");
    }

    [Fact]
    public async Task A_platform_error_on_send_keeps_the_answer_which_is_sent_once_when_the_platform_is_back()
    {
        // Zalo's 500 on every send while the host runs, and through a restart.
        this.server.FailNext("sendMessage", 1000, 500, "Internal Server Error");
        this.server.PushText("chat-2", "user-2", Question);
        using (var host = new ZaloTestHost(this.data.Path, null, this.server.BaseUrl))
        {
            using var stop = new CancellationTokenSource();
            var run = host.Bot.RunAsync(stop.Token);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (this.server.Calls.Count(c => c == "sendMessage") < 3)
            {
                Assert.True(DateTime.UtcNow < deadline, "The answer was not tried again after the platform's 500.");
                await Task.Delay(50);
            }

            await stop.CancelAsync();
            await run;
        }

        Assert.Empty(this.server.SentMessages);
        this.server.ClearFaults();
        using var restarted = new ZaloTestHost(this.data.Path, null, this.server.BaseUrl);
        await restarted.ReplayAsync(ZaloBot.Channel);
        await this.server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second copy would arrive now

        var sent = Assert.Single(this.server.SentMessages);
        Assert.Equal("chat-2", sent.ChatId);
        Assert.Contains("[1]", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_webhook_checks_its_secret_and_answers_a_message_once()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = TestPaths.Corpus,
            ["Storage:DataDirectory"] = this.data.Path,
            ["Zalo:Bot:Token"] = this.server.Token,
            ["Zalo:Bot:ApiBaseUrl"] = this.server.BaseUrl.ToString(),
            ["Zalo:Bot:WebhookSecret"] = ZaloTestHost.BotSecret,
        }).Build();
        await using var app = ServeCommand.Build(configuration, "http://127.0.0.1:0");
        await app.StartAsync();
        var endpoint = new Uri(new Uri(app.Urls.First()), ZaloBot.WebhookPath);
        using var http = new HttpClient();
        await http.PostAsJsonAsync(this.server.MethodUrl("setWebhook"), new { url = endpoint.ToString(), secret_token = ZaloTestHost.BotSecret });
        var id = this.server.PushText("chat-9", "user-9", Question);

        using var missing = await this.server.DeliverToWebhookAsync(endpoint, id, secretHeader: null);
        using var wrong = await this.server.DeliverToWebhookAsync(endpoint, id, secretHeader: "wrong-secret");
        Assert.Equal(401, (int)missing.StatusCode);
        Assert.Equal(401, (int)wrong.StatusCode);
        Assert.Empty(this.server.SentMessages);

        using var first = await this.server.DeliverToWebhookAsync(endpoint, id, ZaloTestHost.BotSecret);
        using var again = await this.server.DeliverToWebhookAsync(endpoint, id, ZaloTestHost.BotSecret);
        await this.server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));
        await Task.Delay(300);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)again.StatusCode);
        var sent = Assert.Single(this.server.SentMessages);
        Assert.Equal("chat-9", sent.ChatId);
        Assert.Contains("[1]", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_oa_webhook_endpoint_checks_the_signature_header()
    {
        await using var oa = await FakeZaloOaServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = TestPaths.Corpus,
            ["Storage:DataDirectory"] = this.data.Path,
            ["Zalo:Oa:AppId"] = "app-123",
            ["Zalo:Oa:SecretKey"] = ZaloTestHost.OaSecretKey,
            ["Zalo:Oa:AccessToken"] = "access-1",
            ["Zalo:Oa:ApiBaseUrl"] = oa.BaseUrl.ToString(),
        }).Build();
        await using var app = ServeCommand.Build(configuration, "http://127.0.0.1:0");
        await app.StartAsync();
        var endpoint = new Uri(new Uri(app.Urls.First()), ZaloOaWebhook.WebhookPath);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var body = FakeZaloOaServer.UserSendTextEvent("app-123", "user-5", "oa-1", Question, "m-5", now);
        var signature = FakeZaloOaServer.Sign("app-123", body, now.ToString(System.Globalization.CultureInfo.InvariantCulture), ZaloTestHost.OaSecretKey);

        using var unsigned = await oa.PostSignedEventAsync(endpoint, body, null);
        using var signed = await oa.PostSignedEventAsync(endpoint, body, signature);
        await oa.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));

        Assert.Equal(401, (int)unsigned.StatusCode);
        Assert.Equal(200, (int)signed.StatusCode);
        Assert.Equal("user-5", Assert.Single(oa.SentMessages).UserId);
    }
}
