using PartyAssistant.Channels.Zalo;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Search;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>The Zalo Bot Platform bot by long polling. Stops on Ctrl+C.</summary>
public sealed class ZaloBotCommand(IndexOpener opener, SearchIndexProvider index, ZaloBot bot, CliOutput output) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await opener.OpenAsync(cancellationToken);
        output.Status("Bot Zalo đang chạy (long polling). Nhấn Ctrl+C để dừng.");
        // A document ingested while the bot runs is picked up without a restart.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = index.WatchAsync(stop.Token);
        try
        {
            await bot.RunAsync(cancellationToken);
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

        output.Status("Đã dừng bot Zalo.");
        return 0;
    }
}
