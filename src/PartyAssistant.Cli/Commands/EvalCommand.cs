using System.ComponentModel;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

public sealed class EvalCommand(IndexOpener opener, CliOutput output) : AsyncCommand<EvalCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<tệp.jsonl>")]
        [Description("Tệp câu hỏi theo định dạng của eval/README.md.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--json")]
        [Description("In kết quả dạng JSON.")]
        public bool Json { get; init; }

        [CommandOption("--verbose")]
        [Description("In từng câu hỏi tìm sai.")]
        public bool Verbose { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<EvalQuestion> questions;
        try
        {
            questions = await EvalQuestion.LoadAsync(settings.File, cancellationToken);
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException)
        {
            return output.Fail(e.Message);
        }

        using var index = await opener.OpenAsync(cancellationToken);
        var report = RetrievalEvaluator.Evaluate(index.Searcher, questions);
        if (settings.Json)
        {
            output.Json(new { overall = report.Overall, by_kind = report.ByKind });
            return 0;
        }

        var table = new Table().AddColumns("Nhóm", "n", "hit@1", "hit@3", "mrr@10");
        foreach (var (kind, m) in report.ByKind.Append(new("overall", report.Overall)))
        {
            table.AddRow(kind, m.N.ToString(System.Globalization.CultureInfo.InvariantCulture), F(m.HitAt1), F(m.HitAt3), F(m.MrrAt10));
        }

        output.Console.Write(table);
        if (settings.Verbose)
        {
            foreach (var miss in report.Outcomes.Where(o => o.FirstRelevantRank != 1))
            {
                output.Console.MarkupLine($"[yellow]{Markup.Escape(miss.Question.Id)}[/] hạng {miss.FirstRelevantRank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}: {Markup.Escape(miss.Question.Question)}");
                foreach (var hit in miss.Hits.Take(3))
                {
                    output.Console.MarkupLine($"   {hit.Rank}. {Markup.Escape(hit.PassageId)} ({hit.Score:0.00})");
                }
            }
        }

        return 0;
    }

    private static string F(double value) => value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
