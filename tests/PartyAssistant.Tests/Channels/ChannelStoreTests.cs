using Microsoft.Extensions.Options;
using PartyAssistant.Answering;
using PartyAssistant.Channels;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Storage;
using PartyAssistant.Tests.Answering;

namespace PartyAssistant.Tests.Channels;

public sealed class ChannelStoreTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly InboxStore inbox;
    private readonly OutboxStore outbox;
    private readonly AnswerStore answers;
    private readonly PartyAssistant.Office.QuestionLog questions;

    public ChannelStoreTests()
    {
        var database = new ApplicationDatabase(Options.Create(new StorageOptions { DataDirectory = this.data.Path }));
        (this.inbox, this.outbox, this.answers) = (new InboxStore(database, this.clock), new OutboxStore(database, this.clock), new AnswerStore(database, this.clock));
        this.questions = new PartyAssistant.Office.QuestionLog(database, new PartyAssistant.Office.UserHasher(new ChannelStateStore(database)), this.clock, Options.Create(new PartyAssistant.Office.WebOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PartyAssistant.Office.QuestionLog>.Instance);
    }

    public void Dispose() => this.data.Dispose();

    private static GroundedAnswer Answer(string question) =>
        new(question, question, false, "Trả lời [1].", [new Citation(1, "d/1", "Nhãn", "Trích", false)], [], "offline", null, new Dictionary<string, double>());

    [Fact]
    public async Task Old_answers_without_feedback_and_old_handled_marks_are_pruned()
    {
        var quiet = await this.answers.SaveAnswerAsync("telegram", "1", "1", Answer("cũ, không ai góp ý"), CancellationToken.None);
        var voted = await this.answers.SaveAnswerAsync("telegram", "1", "1", Answer("cũ, có góp ý"), CancellationToken.None);
        await this.answers.SaveFeedbackAsync(voted, "1", helpful: false, CancellationToken.None);
        Assert.True(await this.inbox.TryAddAsync("telegram", "100", "{}", CancellationToken.None));
        await this.inbox.CompleteAsync("telegram", "100", CancellationToken.None);
        Assert.True(await this.inbox.IsProcessedAsync("telegram", "100", CancellationToken.None));

        this.clock.Now = this.clock.Now.AddDays(91);
        var fresh = await this.answers.SaveAnswerAsync("telegram", "1", "1", Answer("mới"), CancellationToken.None);
        await new ChannelHousekeeping(this.inbox, this.outbox, this.answers, this.questions).PruneAsync(CancellationToken.None);

        Assert.Null(await this.answers.GetAnswerAsync(quiet, CancellationToken.None));
        Assert.Equal("cũ, có góp ý", (await this.answers.GetAnswerAsync(voted, CancellationToken.None))!.Question);
        Assert.NotNull(await this.answers.GetAnswerAsync(fresh, CancellationToken.None));
        Assert.False(await this.inbox.IsProcessedAsync("telegram", "100", CancellationToken.None));
    }

    [Fact]
    public async Task A_webhook_update_enters_the_inbox_once()
    {
        Assert.True(await this.inbox.TryAddAsync("telegram", "7", "{}", CancellationToken.None));
        Assert.False(await this.inbox.TryAddAsync("telegram", "7", "{}", CancellationToken.None));
        Assert.Single(await this.inbox.PendingAsync("telegram", CancellationToken.None));

        await this.inbox.CompleteAsync("telegram", "7", CancellationToken.None);
        Assert.Empty(await this.inbox.PendingAsync("telegram", CancellationToken.None));
        Assert.False(await this.inbox.TryAddAsync("telegram", "7", "{}", CancellationToken.None));
    }
}
