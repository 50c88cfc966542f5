namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// The three exit codes every command keeps to (README, "Exit codes"), so scripts can tell a
/// mistyped command line from a question or file the assistant could not use.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked (declining a confirmation included).</summary>
    public const int Done = 0;

    /// <summary>The input could not be used or was not found: an empty question, an unknown id, role or file, a broken corpus file.</summary>
    public const int BadInput = 1;

    /// <summary>The command line itself is wrong: unknown command or option, a missing or extra argument, an option value out of range.</summary>
    public const int WrongUsage = 2;
}
