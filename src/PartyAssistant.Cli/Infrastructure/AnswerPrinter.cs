using PartyAssistant.Answering;
using Spectre.Console;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>How an answer is shown on the terminal, and its JSON shape for `ask --json`.</summary>
public static class AnswerPrinter
{
    public static void Print(CliOutput output, GroundedAnswer answer)
    {
        if (answer.Notice is not null)
        {
            output.Console.MarkupLine($"[yellow]{Markup.Escape(answer.Notice)}[/]");
        }

        output.Console.WriteLine(answer.Answer);
        output.Console.MarkupLine($"[grey]({Markup.Escape(answer.Backend)}, {answer.TimingsMs.Values.Sum():0} ms)[/]");
    }

    public static object ToJson(GroundedAnswer answer) => new
    {
        question = answer.Question,
        searched_question = answer.SearchedQuestion,
        abstained = answer.Abstained,
        outcome = Evaluation.AnswerEvaluator.OutcomeName(answer.Outcome),
        answer = answer.Answer,
        notice = answer.Notice,
        citations = answer.Citations.Select(c => new { n = c.N, passage_id = c.PassageId, label = c.Label, quote = c.Quote, summary = c.FromSummary }),
        related = answer.Related.Select(r => new { passage_id = r.PassageId, label = r.Label, quote = r.Quote, summary = r.FromSummary }),
        focus = answer.Focus,
        not_loaded = answer.NotLoaded,
        passages = answer.Passages.Select(p => new { rank = p.Rank, passage_id = p.PassageId, label = p.Label, score = Math.Round(p.Score, 4), text = p.Text }),
        coverage = answer.Coverage,
        backend = answer.Backend,
        timings_ms = answer.TimingsMs,
    };
}
