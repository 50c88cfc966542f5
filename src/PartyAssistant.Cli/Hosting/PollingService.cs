using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartyAssistant.Channels.Telegram;
using PartyAssistant.Channels.Zalo;

namespace PartyAssistant.Cli.Hosting;

/// <summary>
/// A bot's long polling as a hosted service: it stops fetching as soon as the host stops (answers in hand get
/// the drain's grace). A setting the platform refuses stops the host, and the command reports why.
/// </summary>
public abstract partial class PollingService(HostFailure failure, IHostApplicationLifetime lifetime, ILogger logger) : BackgroundService
{
    protected abstract Task PollAsync(CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await this.PollAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (InvalidOperationException e)
        {
            failure.Report(e.Message);
            lifetime.StopApplication();
        }
        catch (Exception e)
        {
            LogPollingFailed(logger, e);
            failure.Report($"Bot dừng vì lỗi: {e.Message}");
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Long polling dừng vì lỗi không lường trước")]
    private static partial void LogPollingFailed(ILogger logger, Exception exception);
}

public sealed class TelegramPollingService(TelegramPolling polling, HostFailure failure, IHostApplicationLifetime lifetime, ILogger<TelegramPollingService> logger)
    : PollingService(failure, lifetime, logger)
{
    protected override Task PollAsync(CancellationToken stoppingToken) => polling.RunAsync(stoppingToken);
}

public sealed class ZaloBotPollingService(ZaloBot bot, HostFailure failure, IHostApplicationLifetime lifetime, ILogger<ZaloBotPollingService> logger)
    : PollingService(failure, lifetime, logger)
{
    protected override Task PollAsync(CancellationToken stoppingToken) => bot.RunAsync(stoppingToken);
}
