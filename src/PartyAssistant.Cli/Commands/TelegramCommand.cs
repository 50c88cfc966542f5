using PartyAssistant.Channels.Telegram;
using PartyAssistant.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>The Telegram bot by long polling: no public address needed. Stops on Ctrl+C.</summary>
public sealed class TelegramCommand(IndexOpener opener, IServiceProvider services, CliOutput output) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await opener.OpenAsync(cancellationToken);
        var polling = (TelegramPolling)services.GetService(typeof(TelegramPolling))!;
        output.Status("Bot Telegram đang chạy (long polling). Nhấn Ctrl+C để dừng.");
        try
        {
            await polling.RunAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return output.Fail(e.Message);
        }

        output.Status("Đã dừng bot Telegram.");
        return 0;
    }
}
