using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyAssistant.Channels.Zalo;
using PartyAssistant.Hosting;

namespace PartyAssistant.Tests.Channels;

/// <summary>The Zalo channels as the applications compose them; disposable to simulate a restart.</summary>
internal sealed class ZaloTestHost : IDisposable
{
    public const string OaSecretKey = "oa-secret-key";
    public const string BotSecret = "bot-secret-123";

    private readonly ServiceProvider services;

    public ZaloTestHost(string dataDirectory, Uri? oaBaseUrl, Uri? botBaseUrl, IDictionary<string, string?>? extra = null, TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = TestPaths.Corpus,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Zalo:Oa:AppId"] = "app-123",
            ["Zalo:Oa:SecretKey"] = OaSecretKey,
            ["Zalo:Oa:AppSecret"] = "app-secret",
            ["Zalo:Oa:AccessToken"] = "access-1",
            ["Zalo:Oa:RefreshToken"] = "refresh-1",
            ["Zalo:Oa:ApiBaseUrl"] = oaBaseUrl?.ToString(),
            ["Zalo:Oa:OAuthBaseUrl"] = oaBaseUrl?.ToString(),
            ["Zalo:Oa:QuestionsPerMinutePerUser"] = "100",
            ["Channels:DeliveryRetrySeconds"] = "0.2",
            ["Zalo:Bot:Token"] = "12345:zalo-bot-token",
            ["Zalo:Bot:ApiBaseUrl"] = botBaseUrl?.ToString(),
            ["Zalo:Bot:WebhookSecret"] = BotSecret,
            ["Zalo:Bot:PollTimeoutSeconds"] = "1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddLogging();
        if (clock is not null)
        {
            collection.AddSingleton(clock);
        }

        this.services = collection
            .AddPartyAssistantAnswering(configuration)
            .AddPartyAssistantZalo(configuration)
            .BuildServiceProvider();
    }

    public ZaloOaWebhook Oa => this.services.GetRequiredService<ZaloOaWebhook>();

    public PartyAssistant.Channels.QuizSessionStore QuizSessions => this.services.GetRequiredService<PartyAssistant.Channels.QuizSessionStore>();

    public ZaloBot Bot => this.services.GetRequiredService<ZaloBot>();

    public PartyAssistant.Channels.Storage.OutboxStore Outbox => this.services.GetRequiredService<PartyAssistant.Channels.Storage.OutboxStore>();

    /// <summary>How many events of <paramref name="channel"/> the inbox still holds.</summary>
    public async Task<int> ReplayCountAsync(string channel) =>
        (await this.services.GetRequiredService<PartyAssistant.Channels.Storage.InboxStore>().PendingAsync(channel, CancellationToken.None)).Count;

    /// <summary>What a host does at start: the events the inbox held, queued again.</summary>
    public Task ReplayAsync(params string[] channels) =>
        this.services.GetRequiredService<PartyAssistant.Channels.ChannelDispatcher>().ReplayAsync(channels, CancellationToken.None);

    public void Dispose() => this.services.Dispose();
}
