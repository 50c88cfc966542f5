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
        return ExitCodes.BadInput;
    }

    /// <summary>
    /// Rows of plain text (no markup): tab-separated when the output is not a terminal, else a table at
    /// the terminal's width that breaks no word, or one block per row when no such table fits.
    /// </summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (!this.Console.Profile.Out.IsTerminal)
        {
            this.Text(TextTable.Tsv(headers, rows));
            return;
        }

        var width = this.Console.Profile.Width;
        if (TextTable.Widths(headers, rows, width) is not { } widths)
        {
            this.Console.Profile.Out.Writer.Write(TextTable.Records(headers, rows, width));
            this.Console.Profile.Out.Writer.Flush();
            return;
        }

        var table = new Table();
        for (var i = 0; i < headers.Count; i++)
        {
            table.AddColumn(new TableColumn(Markup.Escape(headers[i])) { Width = widths[i] });
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Spectre.Console.Text(cell)).ToArray());
        }

        this.Console.Write(table);
    }
}
