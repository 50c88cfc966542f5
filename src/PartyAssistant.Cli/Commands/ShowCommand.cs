using System.ComponentModel;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

public sealed class ShowCommand(CorpusIndex index, CliOutput output) : AsyncCommand<ShowCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandArgument(0, "<mã-đoạn>")]
        [Description("Mã đoạn, ví dụ kl-tu-nq03/II.3.4.")]
        public string PassageId { get; init; } = string.Empty;

    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var corpus = await index.LoadCorpusAsync(cancellationToken);
        var id = settings.PassageId.Trim();
        var document = corpus.FindDocument(id.Split('/')[0]);
        var passage = document?.Passages.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
        if (document is null || passage is null)
        {
            var hint = document is null
                ? "Dùng lệnh docs để xem mã các văn bản."
                : $"Các đoạn của {document.Id} có mã từ {document.Passages[0].Id} đến {document.Passages[^1].Id}.";
            return output.Fail($"Không có đoạn nào mang mã \"{id}\". {hint}");
        }

        var siblings = document.Passages.Where(p => p.SectionPath == passage.SectionPath).ToList();
        var position = siblings.IndexOf(passage);
        var previous = position > 0 ? siblings[position - 1] : null;
        var next = position < siblings.Count - 1 ? siblings[position + 1] : null;
        if (settings.Json)
        {
            output.Json(new
            {
                passage_id = passage.Id,
                label = passage.Label,
                document = new
                {
                    id = document.Id,
                    title = document.Metadata.Title,
                    kind = document.Metadata.IsSummary ? "summary" : "official-text",
                    status = corpus.DescribeStanding(document),
                    not_covered = document.Metadata.NotCovered,
                },
                heading = passage.Heading,
                text = passage.Text,
                previous = previous?.Id,
                next = next?.Id,
            });
            return 0;
        }

        output.Console.MarkupLine($"[bold]{Markup.Escape(passage.Label)}[/]  [grey]({Markup.Escape(passage.Id)})[/]");
        output.Console.MarkupLine($"[grey]{Markup.Escape(document.Metadata.Title)} — {Markup.Escape(corpus.DescribeStanding(document))}[/]");
        if (document.Metadata.IsSummary)
        {
            output.Console.MarkupLine("[yellow]Bản tóm tắt không chính thức, không phải nguyên văn.[/]");
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
        if (previous is not null)
        {
            output.Console.MarkupLine($"[grey]… {Markup.Escape(Shorten(previous.Text))}[/]");
        }

        output.Console.WriteLine(passage.Text);
        if (next is not null)
        {
            output.Console.MarkupLine($"[grey]{Markup.Escape(Shorten(next.Text))} …[/]");
        }

        return 0;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
