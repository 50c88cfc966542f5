using System.ComponentModel;
using PartyAssistant.Answering;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Text;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

public sealed class AskCommand(IndexOpener opener, AnswerPipeline pipeline, CliOutput output) : AsyncCommand<AskCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandArgument(0, "<câu-hỏi>")]
        [Description("Câu hỏi, có dấu hoặc không dấu.")]
        public string Question { get; init; } = string.Empty;

    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (InputValidator.Question(settings.Question) is { } problem)
        {
            return output.Fail(problem);
        }

        await opener.OpenAsync(cancellationToken);
        var answer = await pipeline.AskAsync(settings.Question, conversation: null, cancellationToken);
        if (settings.Json)
        {
            output.Json(AnswerPrinter.ToJson(answer));
        }
        else
        {
            AnswerPrinter.Print(output, answer);
        }

        return 0;
    }
}
