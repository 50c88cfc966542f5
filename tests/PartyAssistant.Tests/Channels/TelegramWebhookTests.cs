using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using PartyAssistant.Cli.Commands;
using PartyAssistant.Fakes;
using Telegram.Bot;

namespace PartyAssistant.Tests.Channels;

/// <summary>Webhook mode: the real web host on a loopback port, receiving updates the fake server delivers.</summary>
public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cret_token-OK";
    private const long User = 777;
    private readonly TempDirectory data = new();
    private FakeTelegramServer server = null!;
    private WebApplication app = null!;
    private Uri endpoint = null!;

    public async Task InitializeAsync()
    {
        this.server = await FakeTelegramServer.StartAsync();
        await this.StartAppAsync(extra: null);
        var client = new TelegramBotClient(new TelegramBotClientOptions(this.server.Token, this.server.BaseUrl.ToString()));
        await client.SetWebhook(this.endpoint.ToString(), secretToken: Secret);
    }

    public async Task DisposeAsync()
    {
        await this.app.DisposeAsync();
        await this.server.DisposeAsync();
        this.data.Dispose();
    }

    private async Task StartAppAsync(IDictionary<string, string?>? extra)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TelegramTestBot.Settings(this.server, this.data.Path, extra)).Build();
        this.app = ServeCommand.Build(configuration, "http://127.0.0.1:0");
        await this.app.StartAsync();
        this.endpoint = new Uri(new Uri(this.app.Urls.First()), "/webhooks/telegram");
    }

    [Fact]
    public async Task Requests_without_the_right_secret_get_401_and_no_work()
    {
        var update = this.server.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");

        using var missing = await this.server.DeliverToWebhookAsync(this.endpoint, update, secretHeader: null);
        using var wrong = await this.server.DeliverToWebhookAsync(this.endpoint, update, secretHeader: "not-the-secret");

        Assert.Equal(401, (int)missing.StatusCode);
        Assert.Equal(401, (int)wrong.StatusCode);
        Assert.Empty(this.server.SentMessages);
        Assert.DoesNotContain(this.server.Calls, c => c.Method == "getMe");
    }

    [Fact]
    public async Task An_update_is_answered_and_a_redelivery_is_answered_once()
    {
        var update = this.server.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");

        using var first = await this.server.DeliverToWebhookAsync(this.endpoint, update, Secret);
        using var again = await this.server.DeliverToWebhookAsync(this.endpoint, update, Secret);
        await this.server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));
        using var late = await this.server.DeliverToWebhookAsync(this.endpoint, update, Secret);
        await Task.Delay(300);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)again.StatusCode);
        Assert.Equal(200, (int)late.StatusCode);
        var sent = Assert.Single(this.server.SentMessages);
        Assert.Contains("tiếp dân định kỳ", sent.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_failure_still_returns_200()
    {
        this.server.FailNext("getMe", 1, 500, "Internal Server Error");
        var update = this.server.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");

        using var response = await this.server.DeliverToWebhookAsync(this.endpoint, update, Secret);
        await this.server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains(this.server.SentMessages, m => m.PlainText.Contains("đã có lỗi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_public_address_configured_the_host_sets_the_webhook_with_its_secret()
    {
        await this.app.DisposeAsync();
        await this.StartAppAsync(new Dictionary<string, string?> { ["Telegram:WebhookUrl"] = "https://bot.example.vn/" });

        for (var i = 0; i < 100 && this.server.WebhookUrl != "https://bot.example.vn/webhooks/telegram"; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal("https://bot.example.vn/webhooks/telegram", this.server.WebhookUrl);
        Assert.Equal(Secret, this.server.WebhookSecret);
    }
}
