namespace PartyAssistant.Hosting;

/// <summary>How the long-running commands (`serve`, `telegram`, `zalo-bot`) stop.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>
    /// Seconds that answers in hand get to finish after SIGTERM or Ctrl+C; what is not finished stays in the
    /// inbox and is answered after the next start. Under 10: systemd and `docker stop` kill after 10 s.
    /// </summary>
    public int ShutdownGraceSeconds { get; set; } = 8;

    public TimeSpan ShutdownGrace => TimeSpan.FromSeconds(this.ShutdownGraceSeconds);
}
