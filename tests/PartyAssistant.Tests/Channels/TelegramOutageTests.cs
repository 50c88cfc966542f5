using PartyAssistant.Fakes;

namespace PartyAssistant.Tests.Channels;

/// <summary>Telegram unreachable for a while: an accepted question is answered once it is back, across a restart, exactly once.</summary>
public sealed class TelegramOutageTests : IAsyncLifetime
{
    private const long User = 6060;
    private readonly TempDirectory data = new();
    private FakeTelegramServer server = null!;

    public async Task InitializeAsync() => this.server = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync()
    {
        await this.server.DisposeAsync();
        this.data.Dispose();
    }

    [Fact]
    public async Task An_answer_held_up_by_5xx_is_kept_across_a_restart_and_delivered_once()
    {
        var settings = new Dictionary<string, string?> { ["Channels:DeliveryRetrySeconds"] = "0.2" };
        this.server.FailNext("sendMessage", 1000, 502, "Bad Gateway");
        this.server.PushMessage(User, User, "Chi bộ ấp có đông đảng viên thì tổ chức sinh hoạt thế nào?");

        using (var bot = new TelegramTestBot(this.server, this.data.Path, settings))
        {
            var handled = bot.Polling.PollOnceAsync(CancellationToken.None);

            // Three tries in the outbox, then the inbox waits and tries again: more than three calls, none delivered.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (this.server.Calls.Count(c => c.Method == "sendMessage") <= 3)
            {
                Assert.True(DateTime.UtcNow < deadline, "The answer was not tried again after the outbox gave up.");
                await Task.Delay(50);
            }

            Assert.False(handled.IsCompleted);
            Assert.Empty(this.server.SentMessages);
        }

        // Restarted while Telegram still fails; then it is back.
        this.server.ClearFailures();
        using var restarted = new TelegramTestBot(this.server, this.data.Path, settings);
        await restarted.DrainAsync();
        await this.server.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second copy would come now

        var answers = this.server.SentMessages.Where(m => m.ChatId == User).ToList();
        Assert.NotEmpty(answers);
        Assert.Equal(answers.Count, answers.Select(m => m.Text).Distinct().Count());
        Assert.Contains("[1]", answers[0].PlainText, StringComparison.Ordinal);
    }
}
