namespace PartyAssistant.Conversations;

/// <summary>One conversation: a user in a chat on a channel ("telegram", "zalo-oa", "cli").</summary>
public sealed record ConversationKey(string Channel, string Chat, string User)
{
    public override string ToString() => $"{this.Channel}:{this.Chat}:{this.User}";
}

/// <summary>A question asked, as asked and as searched, with the answer given.</summary>
public sealed record ConversationTurn(string Question, string StandaloneQuestion, string Answer, DateTimeOffset At);

/// <summary>How long and how much of a conversation is kept (section "Conversations").</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>Turns kept per conversation; older ones are deleted.</summary>
    public int MaxTurns { get; set; } = 6;

    /// <summary>Minutes after the last question when a conversation is forgotten and a new question starts afresh.</summary>
    public double ExpiryMinutes { get; set; } = 30;
}

/// <summary>
/// Where conversations live. The embedded SQLite store serves one process; a server database
/// can take its place behind this interface when several instances serve one bot.
/// </summary>
public interface IConversationStore
{
    Task<IReadOnlyList<ConversationTurn>> RecentAsync(ConversationKey key, CancellationToken cancellationToken);

    Task AppendAsync(ConversationKey key, ConversationTurn turn, CancellationToken cancellationToken);

    Task ForgetAsync(ConversationKey key, CancellationToken cancellationToken);
}
