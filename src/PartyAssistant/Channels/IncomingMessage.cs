using PartyAssistant.Answering;
using PartyAssistant.Conversations;

namespace PartyAssistant.Channels;

/// <summary>One message to the assistant, whatever the platform: who, where, and what it asks.</summary>
/// <param name="Command">One of <see cref="ChatCommands.All"/> ("start", "help", "hoi", "vanban", "xem", "nghiavu", "quiz", "moi"), or null for a plain question.</param>
public sealed record IncomingMessage(ConversationKey Conversation, bool IsGroup, string? Command, string Argument);

/// <summary>What a platform can show: how long a message may be, and whether it has buttons.</summary>
public sealed record ChannelCapabilities(int MaxTextLength, bool Buttons);

/// <summary>One answer a user can pick: the button's text and the data it sends back.</summary>
public sealed record ReplyChoice(string Label, string Data);

/// <summary>How replies reach one platform. Implementations pace, split and retry as that platform requires.</summary>
public interface IReplySender
{
    ChannelCapabilities Capabilities { get; }

    Task SendTextAsync(IncomingMessage to, string text, CancellationToken cancellationToken);

    /// <summary>
    /// A message the user answers by picking: buttons where the platform has them, otherwise the
    /// text alone (which then says how to reply).
    /// </summary>
    Task SendChoicesAsync(IncomingMessage to, string text, IReadOnlyList<ReplyChoice> choices, CancellationToken cancellationToken) =>
        this.SendTextAsync(to, text, cancellationToken);

    Task SendAnswerAsync(IncomingMessage to, GroundedAnswer answer, long answerId, CancellationToken cancellationToken);

    /// <summary>Runs the work while the platform shows that the bot is typing.</summary>
    Task<T> WhileTypingAsync<T>(IncomingMessage to, Func<Task<T>> work, CancellationToken cancellationToken);
}
