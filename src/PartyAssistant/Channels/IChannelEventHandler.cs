namespace PartyAssistant.Channels;

/// <summary>An event as the dispatcher sees it: its platform id, the lane it is answered in (its chat), and what was read from it.</summary>
public sealed record ChannelEvent(string Id, string Lane, object Message)
{
    /// <summary>The event as the platform sent it (set by the dispatcher), kept with a reply given up.</summary>
    public string Payload { get; init; } = string.Empty;
}

/// <summary>
/// One channel's part of the contract: how to read an event it stored and how to answer it. The
/// dispatcher does the rest — intake, replay, ordering, retries and the per-user question limit —
/// the same way for every channel.
/// </summary>
public interface IChannelEventHandler
{
    string Channel { get; }

    int QuestionsPerMinutePerUser { get; }

    /// <summary>The event in <paramref name="payload"/>, or null when it needs no answer; throws <see cref="System.Text.Json.JsonException"/> on a malformed one.</summary>
    ChannelEvent? Read(string payload);

    /// <summary>Answers the event. A reply the platform cannot take now ends in <see cref="DeliveryDeferredException"/>.</summary>
    Task HandleAsync(ChannelEvent channelEvent, QuestionRateLimiter limiter, CancellationToken cancellationToken);
}

/// <summary>An event its channel could not read: the sender is told 400, and nothing is stored.</summary>
public sealed class MalformedEventException(string message, Exception inner) : Exception(message, inner);
