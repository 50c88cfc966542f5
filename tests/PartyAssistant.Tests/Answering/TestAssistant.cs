using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartyAssistant.Answering;
using PartyAssistant.Conversations;
using PartyAssistant.Hosting;

namespace PartyAssistant.Tests.Answering;

/// <summary>The answering services as the applications compose them, over the shipped corpus and a temporary data folder.</summary>
internal sealed class TestAssistant : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly ServiceProvider services;

    public TestAssistant(IDictionary<string, string?>? settings = null, TimeProvider? clock = null, ILoggerProvider? logs = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = TestPaths.Corpus,
            ["Storage:DataDirectory"] = this.data.Path,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection().AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
            }
        });
        if (clock is not null)
        {
            collection.AddSingleton(clock);
        }

        this.services = collection.AddPartyAssistantAnswering(configuration).BuildServiceProvider();
    }

    public AnswerPipeline Pipeline => this.services.GetRequiredService<AnswerPipeline>();

    public IConversationStore Conversations => this.services.GetRequiredService<IConversationStore>();

    public static TestAssistant WithModel(Uri endpoint, double timeoutSeconds = 10) => new(new Dictionary<string, string?>
    {
        ["Model:Provider"] = "openai",
        ["Model:Endpoint"] = endpoint.ToString(),
        ["Model:Model"] = "test-model",
        ["Model:ApiKey"] = "test-key",
        ["Answering:ModelTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public void Dispose()
    {
        this.services.Dispose();
        this.data.Dispose();
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => this.Now;
}
