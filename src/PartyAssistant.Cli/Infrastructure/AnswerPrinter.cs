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

    public static AnswerView ToJson(GroundedAnswer answer) => AnswerView.From(answer);
}
