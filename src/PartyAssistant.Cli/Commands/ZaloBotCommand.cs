using PartyAssistant.Channels.Zalo;
using PartyAssistant.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>The Zalo Bot Platform bot by long polling. Stops on Ctrl+C.</summary>
public sealed class ZaloBotCommand(IndexOpener opener, ZaloBot bot, CliOutput output) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await opener.OpenAsync(cancellationToken);
        output.Status("Bot Zalo đang chạy (long polling). Nhấn Ctrl+C để dừng.");
        try
        {
            await bot.RunAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return output.Fail(e.Message);
        }

        output.Status("Đã dừng bot Zalo.");
        return 0;
    }
}
