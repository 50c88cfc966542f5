namespace PartyAssistant.Channels;

/// <summary>How long a polling loop waits after a failure, and a wait that ends quietly on stop.</summary>
public static class RetryBackoff
{
    /// <summary>2, 4, 8… seconds after the first, second, third… failure in a row, at most 30.</summary>
    public static TimeSpan After(int failures) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));

    /// <summary>Waits, or returns early when <paramref name="stopping"/> is cancelled: never throws; the loop sees the stop.</summary>
    public static async Task PauseAsync(TimeSpan wait, TimeProvider clock, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(wait, clock, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the caller's loop sees it.
        }
    }
}
