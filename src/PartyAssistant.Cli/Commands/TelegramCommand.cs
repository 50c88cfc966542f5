using PartyAssistant.Channels.Telegram;
using PartyAssistant.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>The Telegram bot by long polling: no public address needed. Stops on Ctrl+C.</summary>
public sealed class TelegramCommand(IndexOpener opener, IServiceProvider services) : AsyncCommand
{
    // The client is resolved once the index is open, so the index is built even when the token is missing.
    public override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        opener.RunBotAsync("Telegram", () => ((TelegramPolling)services.GetService(typeof(TelegramPolling))!).RunAsync, cancellationToken);
}
