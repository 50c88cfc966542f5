using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// Spectre.Console.Cli's help pages with their English headings in Vietnamese
/// (<c>Messages/help-words.tsv</c>): the library ships no Vietnamese resources, so the page is
/// laid out by the library at the console's width and its words replaced afterwards.
/// </summary>
public sealed class VietnameseHelpProvider(ICommandAppSettings settings, IAnsiConsole console) : HelpProvider(settings)
{
    public const string ResourceName = "help-words.tsv";

    private static readonly IReadOnlyList<(string English, string Vietnamese)> Words =
        MessageTable.Read(ResourceName).OrderByDescending(w => w.English.Length).ToList();

    public override IEnumerable<IRenderable> Write(ICommandModel model, ICommandInfo? command)
    {
        var page = new StringWriter();
        var plain = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(page),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        plain.Profile.Width = console.Profile.Width;
        foreach (var part in base.Write(model, command))
        {
            plain.Write(part);
        }

        return [new Spectre.Console.Text(Translate(page.ToString()))];
    }

    public static string Translate(string page) =>
        Words.Aggregate(page, (text, word) => text.Replace(word.English, word.Vietnamese, StringComparison.Ordinal));
}
