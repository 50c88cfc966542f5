using System.Collections.Concurrent;

namespace PartyAssistant.Channels;

/// <summary>At most N questions a minute per user, over a sliding window. Thread-safe.</summary>
public sealed class QuestionRateLimiter(int perMinute, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> recent = new(StringComparer.Ordinal);

    /// <summary>True when the user may ask now (and counts the question); false when over the limit.</summary>
    public bool TryAcquire(string user)
    {
        if (perMinute <= 0)
        {
            return true;
        }

        var now = clock.GetUtcNow();
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
