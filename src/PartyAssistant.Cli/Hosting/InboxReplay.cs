using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartyAssistant.Channels;
using PartyAssistant.Channels.Storage;

namespace PartyAssistant.Cli.Hosting;

/// <summary>
/// At start: old records pruned, and what the inbox held for this host's configured channels when it last
/// stopped or crashed queued again. Failures are logged; the host keeps serving.
/// </summary>
public sealed partial class InboxReplay(
    ChannelHousekeeping housekeeping,
    ChannelDispatcher dispatcher,
    HostedChannels hosted,
    IServiceProvider services,
    ILogger<InboxReplay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await housekeeping.PruneAsync(stoppingToken).ConfigureAwait(false);
            await dispatcher.ReplayAsync(hosted.Channels.Where(c => ChannelAvailability.IsConfigured(services, c)), stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogReplayFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Lỗi khi khôi phục các sự kiện chưa xử lý")]
    private static partial void LogReplayFailed(ILogger logger, Exception exception);
}
