using System.Diagnostics;

namespace PartyAssistant.Fakes;

/// <summary>A text the bot sent through the fake Zalo OA API (<c>POST /v3.0/oa/message/cs</c>).
/// <paramref name="ReceivedTimestamp"/> is a <see cref="Stopwatch.GetTimestamp"/> value, for measuring latency.</summary>
public sealed record ZaloSentMessage(string UserId, string Text, string AccessToken, long ReceivedTimestamp, DateTimeOffset ReceivedAt)
{
    /// <summary>The message_id the fake answered with.</summary>
    public string MessageId { get; init; } = "";
}

/// <summary>A text the bot sent through the fake Zalo Bot API (<c>sendMessage</c>); timestamp as in <see cref="ZaloSentMessage"/>.</summary>
public sealed record ZaloBotSentMessage(string ChatId, string Text, long ReceivedTimestamp, DateTimeOffset ReceivedAt)
{
    /// <summary>The message_id the fake answered with.</summary>
    public string MessageId { get; init; } = "";
}

/// <summary>An accepted <c>sendChatAction</c> call of the fake Zalo Bot API.</summary>
public sealed record ZaloBotChatAction(string ChatId, string Action, long ReceivedTimestamp, DateTimeOffset ReceivedAt);
