using System.ComponentModel;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Documents;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

public sealed class ShowCommand(PassageLookup lookup, CliOutput output) : AsyncCommand<ShowCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandArgument(0, "<mã-đoạn>")]
        [Description("Mã đoạn, ví dụ kl-tu-nq03/II.3.4.")]
        public string PassageId { get; init; } = string.Empty;

    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var found = await lookup.FindAsync(settings.PassageId, cancellationToken);
        if (found.Found is not { } shown)
        {
            return output.Fail(found.BadId ? found.Problem! : $"{found.Problem} Dùng lệnh docs để xem mã các văn bản.");
        }

        if (settings.Json)
        {
            output.Json(shown.ToView());
            return 0;
        }

        var (passage, document) = (shown.Passage, shown.Document);
        output.Console.MarkupLine($"[bold]{Markup.Escape(passage.Label)}[/]  [grey]({Markup.Escape(passage.Id)})[/]");
        output.Console.MarkupLine($"[grey]{Markup.Escape(document.Metadata.Title)} — {Markup.Escape(shown.Entry.DescribeStanding())}[/]");
        if (document.Metadata.IsSummary)
        {
            output.Console.MarkupLine($"[yellow]{Markup.Escape(PassageInContext.SummaryNote)}[/]");
            if (document.Metadata.NotCovered is { } notCovered)
            {
                output.Console.MarkupLine($"[yellow]Không bao gồm:[/] {Markup.Escape(notCovered)}");
            }
        }

        if (passage.Heading.Length > 0)
        {
            output.Console.MarkupLine($"[grey]{Markup.Escape(passage.Heading)}[/]");
        }

        output.Console.WriteLine();
        if (shown.Previous is { } previous)
        {
            output.Console.MarkupLine($"[grey]… {Markup.Escape(Shorten(previous.Text))}[/]");
        }

        output.Console.WriteLine(passage.Text);
        if (shown.Next is { } next)
        {
            output.Console.MarkupLine($"[grey]{Markup.Escape(Shorten(next.Text))} …[/]");
        }

        return 0;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
