using System.ComponentModel;
using Microsoft.Extensions.Options;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Search;
using PartyAssistant.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

public sealed class SearchCommand(IndexOpener opener, CliOutput output, IOptions<SearchOptions> options) : AsyncCommand<SearchCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandArgument(0, "<câu-hỏi>")]
        [Description("Câu hỏi, có dấu hoặc không dấu.")]
        public string Question { get; init; } = string.Empty;

        [CommandOption("--top <số>")]
        [Description("Số đoạn trả về (mặc định: Search:DefaultTop, 5).")]
        public int? Top { get; init; }


        public override ValidationResult Validate() => this.Top is { } top && InputValidator.Top(top, "--top") is { } problem
            ? ValidationResult.Error(problem)
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (InputValidator.Question(settings.Question) is { } problem)
        {
            return output.Fail(problem);
        }

        var index = await opener.OpenAsync(cancellationToken);
        var hits = index.Searcher.Search(settings.Question, settings.Top ?? options.Value.DefaultTop);
        if (settings.Json)
        {
            output.Json(SearchResultView.From(settings.Question, hits));
            return 0;
        }

        if (hits.Count == 0)
        {
            output.Console.MarkupLine("Không tìm thấy đoạn nào liên quan trong các văn bản đã nạp.");
            return 0;
        }

        foreach (var hit in hits)
        {
            output.Console.MarkupLine($"[bold]{hit.Rank}. {Markup.Escape(hit.Label)}[/]  [grey]({Markup.Escape(hit.PassageId)}, điểm {hit.Score:0.00})[/]");
            if (hit.ReplacedWarning is { } warning)
            {
                output.Console.MarkupLine($"[yellow]⚠ Văn bản {Markup.Escape(warning)}.[/]");
            }

            output.Console.WriteLine(hit.Text);
            output.Console.WriteLine();
        }

        return 0;
    }
}
