using PartyAssistant.Channels.Telegram;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Search;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>The Telegram bot by long polling: no public address needed. Stops on Ctrl+C.</summary>
public sealed class TelegramCommand(IndexOpener opener, SearchIndexProvider index, IServiceProvider services, CliOutput output) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await opener.OpenAsync(cancellationToken);
        var polling = (TelegramPolling)services.GetService(typeof(TelegramPolling))!;
        output.Status("Bot Telegram đang chạy (long polling). Nhấn Ctrl+C để dừng.");
        // A document ingested while the bot runs is picked up without a restart.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = index.WatchAsync(stop.Token);
        try
        {
            await polling.RunAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return output.Fail(e.Message);
        }
        finally
        {
            await stop.CancelAsync();
            await watching;
        }

        output.Status("Đã dừng bot Telegram.");
        return 0;
    }
}
