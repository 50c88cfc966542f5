namespace PartyAssistant.Cli.Hosting;

/// <summary>The channels a host answers: `serve` every configured one, a polling bot its own.</summary>
public sealed record HostedChannels(IReadOnlyList<string> Channels);
