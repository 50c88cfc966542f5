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

/// <summary>The waiting both Zalo fakes share: poll a probe under the fake's lock, sleep on a signal that is pulsed on change.</summary>
internal static class FakeZaloWait
{
    public static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes the current signal and puts a fresh one in its place. Caller holds the lock.</summary>
    public static void Pulse(ref TaskCompletionSource signal)
    {
        var old = signal;
        signal = NewSignal();
        old.TrySetResult();
    }

    /// <summary>Runs <paramref name="probe"/> under <paramref name="gate"/> until it returns non-null, each time a signal fires;
    /// null once <paramref name="timeout"/> has passed.</summary>
    public static async Task<T?> PollAsync<T>(Lock gate, Func<T?> probe, Func<Task> signal, TimeSpan timeout, CancellationToken ct)
        where T : class
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task changed;
            lock (gate)
            {
                if (probe() is { } found)
                    return found;
                changed = signal();
            }

            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
                return null;
            try
            {
                await changed.WaitAsync(remaining, ct);
            }
            catch (TimeoutException)
            {
                // one more probe, then the deadline decides
            }
        }
    }

    public static async Task<T> UntilAsync<T>(Lock gate, Func<T?> probe, Func<Task> signal, TimeSpan timeout, Func<string> describe, CancellationToken ct)
        where T : class
    {
        if (await PollAsync(gate, probe, signal, timeout, ct) is { } found)
            return found;
        lock (gate)
            throw new TimeoutException(describe());
    }
}
