using System.Collections.Concurrent;

namespace PartyAssistant.Channels;

/// <summary>At most N questions a minute per user, over a sliding window. Thread-safe.</summary>
public sealed class QuestionRateLimiter(int perMinute, TimeProvider clock)
{
    // Users quiet for a minute are forgotten once this many are tracked, so the map stays bounded.
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> recent = new(StringComparer.Ordinal);

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (user, window) in this.recent)
        {
            lock (window)
            {
                if (window.Count == 0 || now - window.Last() >= TimeSpan.FromMinutes(1))
                {
                    this.recent.TryRemove(KeyValuePair.Create(user, window));
                }
            }
        }
    }

    /// <summary>True when the user may ask now (and counts the question); false when over the limit.</summary>
    public bool TryAcquire(string user)
    {
        if (perMinute <= 0)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        if (this.recent.Count > SweepAbove)
        {
            this.Sweep(now);
        }

        var window = this.recent.GetOrAdd(user, _ => new Queue<DateTimeOffset>());
        lock (window)
        {
            while (window.Count > 0 && now - window.Peek() >= TimeSpan.FromMinutes(1))
            {
                window.Dequeue();
            }

            if (window.Count >= perMinute)
            {
                return false;
            }

            window.Enqueue(now);
            return true;
        }
    }
}
