using Microsoft.Extensions.Options;
using PartyAssistant.Channels;
using PartyAssistant.Quizzes;
using PartyAssistant.Storage;
using PartyAssistant.Tests.Answering;

namespace PartyAssistant.Tests.Channels;

public sealed class QuizSessionStoreTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly QuizSessionStore store;

    public QuizSessionStoreTests() =>
        this.store = new QuizSessionStore(new ApplicationDatabase(Options.Create(new StorageOptions { DataDirectory = this.data.Path })), this.clock);

    public void Dispose() => this.data.Dispose();

    private static QuizItem Item(string answer) => new(
        QuizItemType.MultipleChoice, "Theo …?", "… ____ …", ["40 tuổi", "35 tuổi", "45 tuổi", "50 tuổi"], answer, answer, null, "kl-tu-nq03/II.3.3", "Mục II.3, ý 3", $"… {answer} …");

    [Fact]
    public async Task An_answer_counts_once_a_new_quiz_replaces_the_old_and_a_day_old_session_is_gone()
    {
        var first = await this.store.StartAsync("telegram", "1", "kl-tu-nq03", [Item("40 tuổi"), Item("35 tuổi")], CancellationToken.None);
        Assert.True(await this.store.RecordAsync(first.Id, 0, correct: true, CancellationToken.None));
        Assert.False(await this.store.RecordAsync(first.Id, 0, correct: true, CancellationToken.None));

        var stored = (await this.store.GetAsync("telegram", "1", CancellationToken.None))!;
        Assert.Equal((1, 1), (stored.Position, stored.Score));
        Assert.Equal("35 tuổi", stored.Current!.Answer);
        Assert.Equal(1, stored.Current.AnswerIndex);
        Assert.Null(await this.store.GetAsync("zalo-bot", "1", CancellationToken.None));

        var second = await this.store.StartAsync("telegram", "1", "kl-tu-nq03", [Item("45 tuổi")], CancellationToken.None);
        Assert.NotEqual(first.Id, second.Id);
        Assert.False(await this.store.RecordAsync(first.Id, 1, correct: true, CancellationToken.None));

        this.clock.Now += QuizSessionStore.Lifetime + TimeSpan.FromMinutes(1);
        Assert.Null(await this.store.GetAsync("telegram", "1", CancellationToken.None));
        Assert.False(await this.store.RecordAsync(second.Id, 0, correct: true, CancellationToken.None));
    }
}
