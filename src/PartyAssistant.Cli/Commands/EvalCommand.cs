using System.ComponentModel;
using System.Globalization;
using PartyAssistant.Answering;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

public sealed class EvalCommand(IndexOpener opener, AnswerPipeline pipeline, CliOutput output) : AsyncCommand<EvalCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandArgument(0, "<tệp.jsonl>")]
        [Description("Tệp câu hỏi theo định dạng của eval/README.md.")]
        public string File { get; init; } = string.Empty;


        [CommandOption("--retrieval-only")]
        [Description("Chỉ đo tìm kiếm, không tạo câu trả lời.")]
        public bool RetrievalOnly { get; init; }

        [CommandOption("--verbose")]
        [Description("In từng câu hỏi tìm sai hoặc trả lời sai.")]
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

        var index = await opener.OpenAsync(cancellationToken);
        var retrieval = RetrievalEvaluator.Evaluate(index.Searcher, questions);
        var answers = settings.RetrievalOnly ? [] : await AnswerEvaluator.AnswerAllAsync(pipeline, questions, cancellationToken);

        var kinds = questions.Select(q => q.Kind).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = kinds.Select(kind => (Name: kind, Metrics: Row(retrieval.ByKind.GetValueOrDefault(kind), answers.Where(a => a.Question.Kind == kind).ToList())))
            .Append((Name: "overall", Metrics: Row(retrieval.Overall, answers)))
            .ToList();

        if (settings.Json)
        {
            output.Json(new EvalReportView(rows[^1].Metrics, rows.SkipLast(1).ToDictionary(r => r.Name, r => (IReadOnlyDictionary<string, object?>)r.Metrics)));
            return 0;
        }

        var columns = rows.SelectMany(r => r.Metrics.Keys).Distinct().ToList();
        output.Table(
            ["Nhóm", .. columns],
            rows.Select(r => (IReadOnlyList<string>)[r.Name, .. columns.Select(c => Format(r.Metrics.GetValueOrDefault(c)))]).ToList());
        if (settings.Verbose)
        {
            this.PrintMisses(retrieval, answers);
        }

        return 0;
    }

    /// <summary>One group's figures under the README's names; answer metrics join when answers were made.</summary>
    private static Dictionary<string, object?> Row(RetrievalMetrics? retrieval, IReadOnlyCollection<AnswerOutcome> answers)
    {
        var row = new Dictionary<string, object?>
        {
            ["n"] = retrieval?.N ?? 0,
            ["hit@1"] = retrieval?.HitAt1,
            ["hit@3"] = retrieval?.HitAt3,
            ["mrr@10"] = retrieval?.MrrAt10,
        };
        if (answers.Count > 0)
        {
            var metrics = AnswerEvaluator.Summarise(answers);
            row["answer_contains"] = metrics.AnswerContains;
            row["abstention_accuracy"] = metrics.AbstentionAccuracy;
            row["citation_validity"] = metrics.CitationValidity;
            row["false_abstentions"] = metrics.FalseAbstentions;
            row["lead_hit"] = metrics.LeadHit;
            row["answers"] = metrics.Answers;
        }

        return row;
    }

    private void PrintMisses(RetrievalReport retrieval, IReadOnlyList<AnswerOutcome> answers)
    {
        foreach (var miss in retrieval.Outcomes.Where(o => o.FirstRelevantRank != 1))
        {
            output.Console.MarkupLine($"[yellow]{Markup.Escape(miss.Question.Id)}[/] tìm: hạng {miss.FirstRelevantRank?.ToString(CultureInfo.InvariantCulture) ?? "-"} — {Markup.Escape(miss.Question.Question)}");
        }

        foreach (var miss in answers.Where(a => a.ContainsExpected == false || a.Answer.Abstained == a.Question.Answerable || a.ValidCitations < a.Citations || a.LeadHit == false))
        {
            output.Console.MarkupLine($"[yellow]{Markup.Escape(miss.Question.Id)}[/] trả lời: {Markup.Escape(miss.Question.Question)}");
            output.Console.WriteLine("   " + miss.Answer.Answer.Replace("\n", "\n   ", StringComparison.Ordinal));
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "-",
        double d => d.ToString("0.000", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "-",
    };
}
