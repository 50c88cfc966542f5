using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartyAssistant.Cli.Infrastructure;
using PartyAssistant.Search;

namespace PartyAssistant.Cli.Hosting;

/// <summary>
/// A long-polling bot as one generic host: the index opened (built first if needed, said on stderr), the
/// channel's settings checked, then polling, inbox replay, index watching and the drain as hosted services.
/// The host's lifetime owns SIGTERM and SIGINT.
/// </summary>
public static class PollingBotHost
{
    /// <param name="addPolling">Adds the channel's polling service.</param>
    /// <param name="check">Throws <see cref="InvalidOperationException"/> with a Vietnamese message when the channel cannot run.</param>
    public static async Task<int> RunAsync(
        IConfiguration configuration,
        CliOutput output,
        string name,
        string channel,
        Action<IServiceCollection> addPolling,
        Action<IServiceProvider> check,
        CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddPartyAssistantHost(configuration, new HostedChannels([channel]));
        addPolling(builder.Services);
        using var host = builder.Build();

        await new IndexOpener(host.Services.GetRequiredService<SearchIndexProvider>(), output).OpenAsync(cancellationToken);
        try
        {
            check(host.Services);
        }
        catch (InvalidOperationException e)
        {
            return output.Fail(e.Message);
        }

        await host.StartAsync(cancellationToken);
        output.Status($"Bot {name} đang chạy (long polling). Nhấn Ctrl+C để dừng.");
        await host.WaitForShutdownAsync(cancellationToken);
        if (host.Services.GetRequiredService<HostFailure>().Message is { } failure)
        {
            return output.Fail(failure);
        }

        output.Status($"Đã dừng bot {name}.");
        return 0;
    }
}
