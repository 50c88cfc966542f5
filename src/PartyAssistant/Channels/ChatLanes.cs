namespace PartyAssistant.Channels;

/// <summary>
/// Work per chat, one item after another, while different chats run side by side. A chat with
/// nothing left to do leaves the map, so it does not grow with every chat ever seen.
/// </summary>
public sealed class ChatLanes
{
    private readonly Dictionary<string, Task> lanes = new(StringComparer.Ordinal);
    private int inFlight;

    /// <summary>Items queued or running.</summary>
    public int InFlight => Volatile.Read(ref this.inFlight);

    /// <summary>Queues the work behind the chat's earlier work; the task ends when it has run.</summary>
    public Task Run(string chat, Func<Task> work)
    {
        Interlocked.Increment(ref this.inFlight);
        async Task Counted()
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref this.inFlight);
            }
        }

        Task task;
        lock (this.lanes)
        {
            task = this.lanes.TryGetValue(chat, out var previous)
                ? previous.ContinueWith(_ => Counted(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap()
                : Counted();
            this.lanes[chat] = task;
        }

        _ = task.ContinueWith(
            done =>
            {
                lock (this.lanes)
                {
                    if (this.lanes.TryGetValue(chat, out var last) && last == done)
                    {
                        this.lanes.Remove(chat);
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }
}
