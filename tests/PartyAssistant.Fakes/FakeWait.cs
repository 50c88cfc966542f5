using System.Diagnostics;

namespace PartyAssistant.Fakes;

/// <summary>The waiting every fake shares: poll a probe under the fake's lock, sleep on a signal that is pulsed on change.</summary>
internal static class FakeWait
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
