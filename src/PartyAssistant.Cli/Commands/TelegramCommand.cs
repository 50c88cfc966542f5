using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyAssistant.Channels.Telegram;
using PartyAssistant.Cli.Hosting;
using PartyAssistant.Cli.Infrastructure;
using Spectre.Console.Cli;
using Telegram.Bot;

namespace PartyAssistant.Cli.Commands;

/// <summary>The Telegram bot by long polling: no public address needed. Stops on Ctrl+C or SIGTERM.</summary>
public sealed class TelegramCommand(IConfiguration configuration, CliOutput output) : AsyncCommand
{
    public override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        PollingBotHost.RunAsync(
            configuration,
            output,
            "Telegram",
            TelegramUpdateHandler.Channel,
            services => services.AddHostedService<TelegramPollingService>(),
            services => services.GetRequiredService<ITelegramBotClient>(), // throws with the Vietnamese message when the token is missing
            cancellationToken);
}
