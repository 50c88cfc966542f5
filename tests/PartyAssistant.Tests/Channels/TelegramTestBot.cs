using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyAssistant.Channels;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Channels.Telegram;
using PartyAssistant.Fakes;
using PartyAssistant.Hosting;

namespace PartyAssistant.Tests.Channels;

/// <summary>The Telegram bot as the applications compose it, pointed at a fake Bot API server; disposable to simulate a restart.</summary>
internal sealed class TelegramTestBot : IDisposable
{
    private readonly ServiceProvider services;

    public TelegramTestBot(FakeTelegramServer server, string dataDirectory, IDictionary<string, string?>? extra = null)
    {
        this.Configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(server, dataDirectory, extra)).Build();
        this.services = new ServiceCollection().AddLogging()
            .AddPartyAssistantAnswering(this.Configuration)
            .AddPartyAssistantTelegram(this.Configuration)
            .BuildServiceProvider();
    }

    public IConfiguration Configuration { get; }

    public TelegramPolling Polling => this.services.GetRequiredService<TelegramPolling>();

    public AnswerStore Answers => this.services.GetRequiredService<AnswerStore>();

    public ChannelStateStore State => this.services.GetRequiredService<ChannelStateStore>();

    public PartyAssistant.Office.OfficeReport Office => this.services.GetRequiredService<PartyAssistant.Office.OfficeReport>();

    public QuizSessionStore QuizSessions => this.services.GetRequiredService<QuizSessionStore>();

    public ChannelDispatcher Dispatcher => this.services.GetRequiredService<ChannelDispatcher>();

    /// <summary>Updates handled through the dispatcher without the inbox (as if stored by a poll); returns when all are done.</summary>
    public Task HandleAsync(IEnumerable<Telegram.Bot.Types.Update> updates) =>
        Task.WhenAll(updates.OrderBy(u => u.Id).Select(u => this.Dispatcher.Dispatch(TelegramUpdateHandler.Channel, TelegramUpdateProcessor.Serialize(u))).ToList());

    public static Dictionary<string, string?> Settings(FakeTelegramServer server, string dataDirectory, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = TestPaths.Corpus,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Telegram:BotToken"] = server.Token,
            ["Telegram:ApiBaseUrl"] = server.BaseUrl.ToString(),
            ["Telegram:PollTimeoutSeconds"] = "0",
            ["Telegram:PrivateChatIntervalSeconds"] = "0.05",
            ["Telegram:GroupChatIntervalSeconds"] = "0.05",
            ["Telegram:WebhookSecret"] = "s3cret_token-OK",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Polls until every pushed update is handled (getUpdates returns nothing new).</summary>
    public async Task DrainAsync()
    {
        for (var i = 0; i < 20 && await this.Polling.PollOnceAsync(CancellationToken.None) > 0; i++)
        {
        }
    }

    public void Dispose() => this.services.Dispose();
}
