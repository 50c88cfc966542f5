using PartyAssistant.Conversations;

namespace PartyAssistant.Tests.Answering;

public sealed class ConversationStoreTests
{
    private static readonly ConversationKey Key = new("telegram", "42", "7");

    [Fact]
    public async Task Turns_are_kept_in_order_bounded_and_forgotten_on_request()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        using var assistant = new TestAssistant(new Dictionary<string, string?> { ["Conversations:MaxTurns"] = "3" }, clock);
        var store = assistant.Conversations;
        for (var i = 1; i <= 5; i++)
        {
            clock.Now = clock.Now.AddSeconds(10);
            await store.AppendAsync(Key, new ConversationTurn($"q{i}", $"s{i}", $"a{i}", clock.Now), CancellationToken.None);
        }

        Assert.Equal(["q3", "q4", "q5"], (await store.RecentAsync(Key, CancellationToken.None)).Select(t => t.Question));
        Assert.Empty(await store.RecentAsync(Key with { User = "8" }, CancellationToken.None));

        await store.ForgetAsync(Key, CancellationToken.None);
        Assert.Empty(await store.RecentAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task A_conversation_expires()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        using var assistant = new TestAssistant(new Dictionary<string, string?> { ["Conversations:ExpiryMinutes"] = "30" }, clock);
        await assistant.Conversations.AppendAsync(Key, new ConversationTurn("q", "s", "a", clock.Now), CancellationToken.None);

        clock.Now = clock.Now.AddMinutes(29);
        Assert.Single(await assistant.Conversations.RecentAsync(Key, CancellationToken.None));
        clock.Now = clock.Now.AddMinutes(2);
        Assert.Empty(await assistant.Conversations.RecentAsync(Key, CancellationToken.None));
    }
}
