using System.Diagnostics;

namespace PartyAssistant.Bench;

/// <summary>Waiting on a condition the load runs watch (answers arrived, inbox drained).</summary>
internal static class Polling
{
    /// <summary>True when <paramref name="done"/> held before the timeout, checked every 100 ms.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!done())
        {
            if (Stopwatch.GetTimestamp() >= deadline)
            {
                return false;
            }

            await Task.Delay(100, cancellationToken);
        }

        return true;
    }
}
