namespace PartyAssistant.Cli.Hosting;

/// <summary>
/// Why a host stopped on its own (a token the platform refuses): the command reports it and exits 1
/// instead of the host logging a stack trace.
/// </summary>
public sealed class HostFailure
{
    private string? message;

    public string? Message => Volatile.Read(ref this.message);

    public void Report(string reason) => Interlocked.CompareExchange(ref this.message, reason, null);
}
