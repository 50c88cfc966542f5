using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartyAssistant.Hosting;

namespace PartyAssistant.Cli.Hosting;

/// <summary>The one composition root of the long-running commands: `serve`, `telegram` and `zalo-bot` add their door to it.</summary>
public static class HostRegistration
{
    public static IServiceCollection AddPartyAssistantHost(this IServiceCollection services, IConfiguration configuration, HostedChannels channels)
    {
        // Data Protection warns at every start that its key ring is not encrypted: on a plain Linux service there is no
        // certificate to do it with, and the keys sit in the data folder, which only the service's user can read.
        services.AddLogging(logging => logging
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error)
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true));

        // Registered before the channels' services, so stopped after them: polling and replay have ended by then.
        services.AddHostedService<InboxDrain>();
        services.AddPartyAssistantAnswering(configuration).AddPartyAssistantTelegram(configuration).AddPartyAssistantZalo(configuration);
        services.AddSingleton(channels);
        services.AddSingleton<HostFailure>();
        services.AddSingleton<Readiness>();
        services.AddHostedService<InboxReplay>();
        services.AddHostedService<IndexWatching>();

        // The host's own stop timeout covers the drain's grace: what the grace does not finish stays in the inbox.
        var grace = configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = grace.ShutdownGrace + TimeSpan.FromSeconds(1));
        return services;
    }
}
