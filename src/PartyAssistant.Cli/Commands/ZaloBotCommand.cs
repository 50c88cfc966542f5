using PartyAssistant.Channels.Zalo;
using PartyAssistant.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>The Zalo Bot Platform bot by long polling. Stops on Ctrl+C.</summary>
public sealed class ZaloBotCommand(IndexOpener opener, ZaloBot bot) : AsyncCommand
{
    public override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        opener.RunBotAsync("Zalo", () => bot.RunAsync, cancellationToken);
}
