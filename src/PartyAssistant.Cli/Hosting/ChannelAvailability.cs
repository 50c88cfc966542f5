using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAssistant.Channels.Telegram;
using PartyAssistant.Channels.Zalo;

namespace PartyAssistant.Cli.Hosting;

/// <summary>Which channels have what they need to run: a webhook of a channel that is not configured answers 404.</summary>
public static class ChannelAvailability
{
    public static readonly IReadOnlyList<string> All = [TelegramUpdateHandler.Channel, ZaloOaEvents.Channel, ZaloBotEvents.Channel];

    public static bool IsConfigured(IServiceProvider services, string channel) => channel switch
    {
        TelegramUpdateHandler.Channel => Telegram(services),
        ZaloOaEvents.Channel => ZaloOa(services),
        ZaloBotEvents.Channel => ZaloBot(services),
        _ => false,
    };

    public static bool Telegram(IServiceProvider services) =>
        !string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<TelegramOptions>>().Value.ResolveToken());

    public static bool ZaloOa(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ZaloOaOptions>>().Value is { } oa && !string.IsNullOrWhiteSpace(oa.AppId) && !string.IsNullOrWhiteSpace(oa.SecretKey);

    public static bool ZaloBot(IServiceProvider services) =>
        !string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<ZaloBotOptions>>().Value.Token);
}
