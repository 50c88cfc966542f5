namespace PartyAssistant.Channels;

/// <summary>How long and how often a reply that could not be delivered is tried again (section "Channels").</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Channels";

    /// <summary>Hours after the first failed delivery when a reply is given up (Telegram keeps updates for 24 hours).</summary>
    public double DeliveryMaxAgeHours { get; set; } = 24;

    /// <summary>Seconds before the first retry; each further wait doubles, with jitter, up to five minutes.</summary>
    public double DeliveryRetrySeconds { get; set; } = 5;

    /// <summary>Messages one reply may take; past it the last one says where to read the rest, so one question cannot flood a chat.</summary>
    public int MaxPartsPerAnswer { get; set; } = 4;

    public TimeSpan MaxAge => TimeSpan.FromHours(this.DeliveryMaxAgeHours);

    /// <summary>The wait before retry <paramref name="attempt"/> (1, 2, …): doubling from the first, at most five minutes, ±20% jitter.</summary>
    public TimeSpan RetryWait(int attempt, double jitter)
    {
        var seconds = Math.Min(300, this.DeliveryRetrySeconds * Math.Pow(2, Math.Min(attempt - 1, 16)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (0.4 * jitter)));
    }
}

/// <summary>A reply's parts, at most <c>max</c>: the last one kept for a note saying where the rest is.</summary>
public static class ReplyParts
{
    public const string More = "… Câu trả lời còn dài; đồng chí xem nguyên văn các đoạn được trích dẫn (lệnh xem kèm mã đoạn, hoặc nút 📄 dưới câu trả lời).";

    public static IReadOnlyList<string> Limit(IReadOnlyList<string> parts, int max, string more = More) =>
        parts.Count <= max ? parts : [.. parts.Take(max - 1), more];
}

/// <summary>
/// Thrown by a channel's sender when the platform could not be reached or asked to slow down: the event stays in the
/// inbox and is handled again later, sending only the parts not yet delivered.
/// </summary>
public sealed class DeliveryDeferredException(string reason) : Exception(reason);
