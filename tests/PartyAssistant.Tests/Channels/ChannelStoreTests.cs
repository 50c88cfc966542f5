using Microsoft.Extensions.Options;
using PartyAssistant.Answering;
using PartyAssistant.Channels;
using PartyAssistant.Storage;
using PartyAssistant.Tests.Answering;

namespace PartyAssistant.Tests.Channels;

public sealed class ChannelStoreTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly ChannelStore store;

    public ChannelStoreTests() =>
        this.store = new ChannelStore(new ApplicationDatabase(Options.Create(new StorageOptions { DataDirectory = this.data.Path })), this.clock);

    public void Dispose() => this.data.Dispose();

    private static GroundedAnswer Answer(string question) =>
        new(question, question, false, "Trả lời [1].", [new Citation(1, "d/1", "Nhãn", "Trích", false)], [], "offline", null, new Dictionary<string, double>());

    [Fact]
    public async Task Old_answers_without_feedback_and_old_handled_marks_are_pruned()
    {
        var quiet = await this.store.SaveAnswerAsync("telegram", "1", "1", Answer("cũ, không ai góp ý"), CancellationToken.None);
        var voted = await this.store.SaveAnswerAsync("telegram", "1", "1", Answer("cũ, có góp ý"), CancellationToken.None);
        await this.store.SaveFeedbackAsync(voted, "1", helpful: false, CancellationToken.None);
        Assert.True(await this.store.TryAddToInboxAsync("telegram", "100", "{}", CancellationToken.None));
        await this.store.CompleteAsync("telegram", "100", CancellationToken.None);
        Assert.True(await this.store.IsProcessedAsync("telegram", "100", CancellationToken.None));

        this.clock.Now = this.clock.Now.AddDays(91);
        var fresh = await this.store.SaveAnswerAsync("telegram", "1", "1", Answer("mới"), CancellationToken.None);
        await this.store.PruneAsync(CancellationToken.None);

        Assert.Null(await this.store.GetAnswerAsync(quiet, CancellationToken.None));
        Assert.Equal("cũ, có góp ý", (await this.store.GetAnswerAsync(voted, CancellationToken.None))!.Question);
        Assert.NotNull(await this.store.GetAnswerAsync(fresh, CancellationToken.None));
        Assert.False(await this.store.IsProcessedAsync("telegram", "100", CancellationToken.None));
    }

    [Fact]
    public async Task A_webhook_update_enters_the_inbox_once()
    {
        Assert.True(await this.store.TryAddToInboxAsync("telegram", "7", "{}", CancellationToken.None));
        Assert.False(await this.store.TryAddToInboxAsync("telegram", "7", "{}", CancellationToken.None));
        Assert.Single(await this.store.PendingInboxAsync("telegram", CancellationToken.None));

        await this.store.CompleteAsync("telegram", "7", CancellationToken.None);
        Assert.Empty(await this.store.PendingInboxAsync("telegram", CancellationToken.None));
        Assert.False(await this.store.TryAddToInboxAsync("telegram", "7", "{}", CancellationToken.None));
    }
}
