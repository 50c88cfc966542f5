using PartyAssistant.Cli;
using Spectre.Console;

namespace PartyAssistant.Tests.Cli;

/// <summary>Runs the real command line in process, against a corpus and data folder of the test's choosing.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Console, string Diagnostics);

internal static class CliRunner
{
    public static Task<CliResult> RunAsync(string corpus, string data, params string[] args) => RunWithInputAsync(corpus, data, string.Empty, args);

    public static Task<CliResult> RunWithSettingsAsync(string corpus, string data, IDictionary<string, string?> settings, params string[] args) =>
        RunWithInputAsync(corpus, data, string.Empty, args, settings);

    public static Task<CliResult> RunWithInputAsync(string corpus, string data, string input, params string[] args) =>
        RunWithInputAsync(corpus, data, input, args, new Dictionary<string, string?>());

    private static async Task<CliResult> RunWithInputAsync(string corpus, string data, string input, string[] args, IDictionary<string, string?> settings)
    {
        var consoleText = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(consoleText),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 10_000; // no wrapping, so assertions can look for whole sentences
        var output = new StringWriter();
        var diagnostics = new StringWriter();
        var overrides = new Dictionary<string, string?>(settings)
        {
            ["Corpus:Directory"] = corpus,
            ["Storage:DataDirectory"] = data,
        };
        var exit = await CliApplication.RunAsync(args, console, new StringReader(input), output, diagnostics, overrides);
        return new CliResult(exit, output.ToString(), consoleText.ToString(), diagnostics.ToString());
    }
}
