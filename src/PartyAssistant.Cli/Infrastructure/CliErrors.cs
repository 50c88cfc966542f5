using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// Turns what ended a command into the Vietnamese line the user reads and the exit code a script
/// reads: the parser's complaints (translated by <see cref="ParserMessages"/>) and a command's own
/// validation are wrong usage; anything else is input the command could not use.
/// </summary>
public sealed class CliErrors(ParserMessages messages, IReadOnlyList<string> commands)
{
    public (string Message, int ExitCode) Describe(Exception exception, string? command)
    {
        var help = commands.Contains(command) ? $"partyassistant {command} --help" : "partyassistant --help";
        switch (exception)
        {
            case CommandParseException:
                return (Usage(messages.Translate(exception.Message, commands) ?? ParserMessages.Unknown, help), ExitCodes.WrongUsage);
            case CommandRuntimeException when messages.Translate(exception.Message, commands) is { } translated:
                return (Usage(translated, help), ExitCodes.WrongUsage);
            case UsageException:
                return (Usage(exception.Message, help), ExitCodes.WrongUsage);
            case CommandRuntimeException { InnerException: null }:
                // A command's Validate() said no: its message is already ours.
                return (Usage(exception.Message, help), ExitCodes.WrongUsage);
            default:
                // A command that cannot be created (a bad setting) arrives wrapped: show the cause.
                return (exception.GetBaseException().Message, ExitCodes.BadInput);
        }
    }

    private static string Usage(string message, string help) => $"{message} Xem cách dùng: {help}";
}
