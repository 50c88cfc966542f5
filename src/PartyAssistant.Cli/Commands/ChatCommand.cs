using PartyAssistant.Answering;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Conversations;
using PartyAssistant.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>A conversation on the terminal: follow-up questions keep the topic of the previous ones.</summary>
public sealed class ChatCommand(IndexOpener opener, AnswerPipeline pipeline, IConversationStore conversations, CliOutput output) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await opener.OpenAsync(cancellationToken);
        var key = new ConversationKey("cli", Environment.MachineName, Environment.UserName);
        output.Console.MarkupLine("Hỏi về các văn bản đã nạp. [grey]/moi: cuộc trò chuyện mới · /thoat hoặc Ctrl+D: thoát[/]");
        while (!cancellationToken.IsCancellationRequested)
        {
            output.Console.Markup("[bold]› [/]");
            var line = await output.Input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() is "/thoat" or "/thoát" or "/exit")
            {
                break;
            }

            if (line.Trim() == "/moi")
            {
                await conversations.ForgetAsync(key, cancellationToken);
                output.Console.MarkupLine("[grey]Đã bắt đầu cuộc trò chuyện mới.[/]");
                continue;
            }

            if (InputValidator.Question(line) is { } problem)
            {
                output.Console.MarkupLine($"[yellow]{Markup.Escape(problem)}[/]");
                continue;
            }

            AnswerPrinter.Print(output, await pipeline.AskAsync(line, key, cancellationToken));
            output.Console.WriteLine();
        }

        return 0;
    }
}
