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

    /// <summary>Runs with <paramref name="diagnostics"/> as stderr, so a test can watch what the command says while it runs.</summary>
    public static Task<CliResult> RunWatchedAsync(string corpus, string data, WatchedWriter diagnostics, IDictionary<string, string?> settings, params string[] args) =>
        RunWithInputAsync(corpus, data, string.Empty, args, settings, diagnostics);

    /// <summary>Runs as at a terminal <paramref name="width"/> columns wide, where tables are drawn rather than tab-separated.</summary>
    public static Task<CliResult> RunInTerminalAsync(string corpus, string data, int width, params string[] args) =>
        RunWithInputAsync(corpus, data, string.Empty, args, new Dictionary<string, string?>(), terminalWidth: width);

    private static async Task<CliResult> RunWithInputAsync(string corpus, string data, string input, string[] args, IDictionary<string, string?> settings, StringWriter? watched = null, int? terminalWidth = null)
    {
        var consoleText = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = terminalWidth is { } columns ? new TerminalOutput(consoleText, columns) : new AnsiConsoleOutput(consoleText),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = terminalWidth ?? 10_000; // no wrapping, so assertions can look for whole sentences
        var output = new StringWriter();
        var diagnostics = watched ?? new StringWriter();
        var overrides = new Dictionary<string, string?>(settings)
        {
            ["Corpus:Directory"] = corpus,
            ["Storage:DataDirectory"] = data,
        };
        var exit = await CliApplication.RunAsync(args, console, new StringReader(input), output, diagnostics, overrides);
        return new CliResult(exit, output.ToString(), consoleText.ToString(), diagnostics.ToString());
    }
}

/// <summary>A console output that says it is a terminal of a given width, as a user's window is.</summary>
internal sealed class TerminalOutput(TextWriter writer, int width) : IAnsiConsoleOutput
{
    public TextWriter Writer { get; } = writer;

    public bool IsTerminal => true;

    public int Width => width;

    public int Height => 24;

    public void SetEncoding(System.Text.Encoding encoding)
    {
    }
}

/// <summary>A text writer that can be read while another thread writes to it.</summary>
internal sealed class WatchedWriter : StringWriter
{
    private readonly Lock gate = new();

    public override void Write(char value)
    {
        lock (this.gate)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (this.gate)
        {
            base.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (this.gate)
        {
            base.Write(buffer, index, count);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (this.gate)
        {
            base.WriteLine(value);
        }
    }

    public override string ToString()
    {
        lock (this.gate)
        {
            return base.ToString();
        }
    }

    /// <summary>Waits until <paramref name="text"/> has been written.</summary>
    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!this.ToString().Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No \"{text}\" within {timeout}:\n{this}");
            await Task.Delay(20);
        }
    }
}
