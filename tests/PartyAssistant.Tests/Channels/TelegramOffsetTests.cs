using PartyAssistant.Fakes;

namespace PartyAssistant.Tests.Channels;

/// <summary>Update ids count per bot: the polling offset is kept per bot id (from getMe), so a new token starts clean.</summary>
public sealed class TelegramOffsetTests : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private FakeTelegramServer server = null!;

    public async Task InitializeAsync() => this.server = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync()
    {
        await this.server.DisposeAsync();
        this.data.Dispose();
    }

    [Fact]
    public async Task Another_bots_larger_offset_does_not_skip_this_bots_updates()
    {
        using (var bot = new TelegramTestBot(this.server, this.data.Path))
        {
            // What an earlier token's bot left: offsets far past anything this bot has sent.
            await bot.State.SetAsync(new Dictionary<string, string> { ["telegram.offset"] = "900000000", ["telegram.offset.111"] = "900000000" }, CancellationToken.None);
            this.server.PushMessage(501, 501, "Chi bộ ấp có đông đảng viên thì tổ chức sinh hoạt thế nào?");

            Assert.Equal(1, await bot.Polling.PollOnceAsync(CancellationToken.None));
            await this.server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));

            var own = await bot.State.GetAsync($"telegram.offset.{this.server.BotUserId}", CancellationToken.None);
            Assert.NotNull(own);
            Assert.True(long.Parse(own) < 900000000);
            Assert.Equal("900000000", await bot.State.GetAsync("telegram.offset.111", CancellationToken.None));
        }

        // After a restart the same bot continues from its own offset: nothing is fetched twice.
        using var restarted = new TelegramTestBot(this.server, this.data.Path);
        Assert.Equal(0, await restarted.Polling.PollOnceAsync(CancellationToken.None));
    }
}
