using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Spectre.Console;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// Where commands write: the console for people; a plain writer for JSON, which must never be
/// wrapped or coloured; and a diagnostics writer (stderr) for progress and errors, so that
/// `--json` output stays parseable.
/// </summary>
public sealed class CliOutput(IAnsiConsole console, TextReader input, TextWriter raw, TextWriter diagnostics)
{
    /// <summary>What the user types (standard input), for the interactive chat.</summary>
    public TextReader Input { get; } = input;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public IAnsiConsole Console { get; } = console;

    public void Json<T>(T value)
    {
        raw.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        raw.Flush();
    }

    /// <summary>Text that is the command's output (Markdown): written as is, never wrapped to the terminal's width.</summary>
    public void Text(string text)
    {
        raw.Write(text);
        raw.Flush();
    }

    /// <summary>Progress and notices: never mixed into the command's own output.</summary>
    public void Status(string message)
    {
        diagnostics.WriteLine(message);
        diagnostics.Flush();
    }

    /// <summary>A clear message and the exit code for bad input.</summary>
    public int Fail(string message)
    {
        diagnostics.WriteLine($"Lỗi: {message}");
        diagnostics.Flush();
        return 1;
    }
}
