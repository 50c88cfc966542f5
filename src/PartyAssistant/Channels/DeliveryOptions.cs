namespace PartyAssistant.Channels;

/// <summary>How long and how often a reply that could not be delivered is tried again (section "Channels").</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Channels";

    /// <summary>Hours after the first failed delivery when a reply is given up (Telegram keeps updates for 24 hours).</summary>
    public double DeliveryMaxAgeHours { get; set; } = 24;

    /// <summary>Seconds before the first retry; each further wait doubles, with jitter, up to five minutes.</summary>
    public double DeliveryRetrySeconds { get; set; } = 5;

    public TimeSpan MaxAge => TimeSpan.FromHours(this.DeliveryMaxAgeHours);

    /// <summary>The wait before retry <paramref name="attempt"/> (1, 2, …): doubling from the first, at most five minutes, ±20% jitter.</summary>
    public TimeSpan RetryWait(int attempt, double jitter)
    {
        var seconds = Math.Min(300, this.DeliveryRetrySeconds * Math.Pow(2, Math.Min(attempt - 1, 16)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (0.4 * jitter)));
    }
}

/// <summary>
/// Thrown by a channel's sender when the platform could not be reached or asked to slow down: the event stays in the
/// inbox and is handled again later, sending only the parts not yet delivered.
/// </summary>
public sealed class DeliveryDeferredException(string reason) : Exception(reason);
