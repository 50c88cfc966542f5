namespace PartyAssistant.Channels;

/// <summary>What the web host accepts from the platforms (section "Webhooks").</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Largest request body, counted while it streams in: no platform event comes near it, so a bigger body is refused
    /// (413) before it takes memory.
    /// </summary>
    public long MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>A signed Zalo OA event older or newer than this is refused: a captured event cannot be replayed later.</summary>
    public double EventWindowMinutes { get; set; } = 15;

    public TimeSpan EventWindow => TimeSpan.FromMinutes(this.EventWindowMinutes);
}
