using Microsoft.Extensions.Configuration;
using PartyAssistant.Corpus;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// What is checked once the command line is read and before any command runs: no option the
/// command does not have, and a corpus folder to work from.
/// </summary>
public sealed class CommandPreconditions(IConfiguration configuration) : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        // The parser's strict mode reads an option left without its value as the value "__default_command";
        // the lenient mode keeps what it does not know aside, and it is refused here instead.
        if (context.Remaining.Parsed.Count > 0)
        {
            var unknown = context.Remaining.Parsed.Select(o => o.Key).ToList();
            throw new UsageException(unknown.Count == 1
                ? $"Lệnh {context.Name} không có tuỳ chọn {Shown(unknown[0])}."
                : $"Lệnh {context.Name} không có các tuỳ chọn {string.Join(", ", unknown.Select(Shown))}.");
        }

        // Every command reads the corpus: without it the user is told how to set Corpus:Directory,
        // not the runtime's "Could not find a part of the path".
        var options = configuration.GetSection(CorpusOptions.SectionName).Get<CorpusOptions>() ?? new CorpusOptions();
        if (options.Problem() is { } problem)
        {
            throw new CorpusMissingException(problem);
        }
    }

    private static string Shown(string option) => option.StartsWith('-') ? option : (option.Length == 1 ? "-" : "--") + option;
}

/// <summary>The command line is wrong in a way the parser lets through (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>No corpus folder to work from; the message says how to set one (exit code 1).</summary>
public sealed class CorpusMissingException(string message) : Exception(message);
