using PartyAssistant.Fakes;

namespace PartyAssistant.Tests.Channels;

/// <summary>A fake Telegram Bot API and a fake Zalo Bot Platform on loopback, and a data folder, for tests that drive a command through both bots.</summary>
public abstract class BothBotFakes : IAsyncLifetime
{
    private readonly TempDirectory data = new();

    /// <summary>The bots' data folder (SQLite, index), removed after the test.</summary>
    protected string DataPath => this.data.Path;

    protected FakeTelegramServer Telegram { get; private set; } = null!;

    protected FakeZaloBotServer Zalo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        this.Telegram = await FakeTelegramServer.StartAsync();
        this.Zalo = await FakeZaloBotServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await this.Telegram.DisposeAsync();
        await this.Zalo.DisposeAsync();
        this.data.Dispose();
    }
}
