namespace PartyAssistant.Ingestion;

/// <summary>Runs the reading of one file within Ingestion:TimeBudgetSeconds, and says so when it does not finish.</summary>
internal static class TimeBudget
{
    /// <exception cref="IngestException">The budget ran out; the message names the setting.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the user stopped the command).</exception>
    public static async Task<T> RunAsync<T>(string path, int seconds, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(seconds));

        // The readers look at the token, but a library stuck in a loop of its own would not: run on the
        // thread pool and stop waiting when the budget runs out, so nothing holds the command past it.
        var running = Task.Run(() => work(budget.Token), budget.Token);
        try
        {
            return await running.WaitAsync(budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw LimitRefusal.Time(path, seconds);
        }
        finally
        {
            if (running.IsCompleted)
            {
                budget.Dispose();
            }
            else
            {
                // Abandoned work still holds the token: release it when that work ends.
                _ = running.ContinueWith(_ => budget.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }
}
