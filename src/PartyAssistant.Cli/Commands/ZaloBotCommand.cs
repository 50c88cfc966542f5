using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyAssistant.Channels.Zalo;
using PartyAssistant.Cli.Hosting;
using PartyAssistant.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace PartyAssistant.Cli.Commands;

/// <summary>The Zalo Bot Platform bot by long polling. Stops on Ctrl+C or SIGTERM.</summary>
public sealed class ZaloBotCommand(IConfiguration configuration, CliOutput output) : AsyncCommand
{
    public override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        PollingBotHost.RunAsync(
            configuration,
            output,
            "Zalo",
            ZaloBotEvents.Channel,
            services => services.AddHostedService<ZaloBotPollingService>(),
            services =>
            {
                if (!ChannelAvailability.ZaloBot(services))
                {
                    throw new InvalidOperationException("Chưa có token Zalo Bot: đặt biến môi trường Zalo__Bot__Token bằng token được cấp khi tạo bot.");
                }
            },
            cancellationToken);
}
