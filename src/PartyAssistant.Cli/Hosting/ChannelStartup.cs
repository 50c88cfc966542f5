using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Channels;
using PartyAssistant.Channels.Telegram;
using PartyAssistant.Channels.Zalo;
using Telegram.Bot;

namespace PartyAssistant.Cli.Hosting;

/// <summary>
/// At the web host's start: old records pruned, each configured channel's unfinished events replayed,
/// webhooks set where a public address is configured. Failures are logged; the host keeps serving.
/// </summary>
public sealed partial class ChannelStartup(IServiceProvider services, ILogger<ChannelStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Get<ChannelStore>().PruneAsync(stoppingToken);
            if (ChannelAvailability.Telegram(services))
            {
                await Get<TelegramWebhook>().ResumeAsync(stoppingToken);
                await this.SetTelegramWebhookAsync(stoppingToken);
            }

            if (ChannelAvailability.ZaloOa(services))
            {
                await Get<ZaloOaWebhook>().ResumeAsync(stoppingToken);
            }

            if (ChannelAvailability.ZaloBot(services))
            {
                await Get<ZaloBot>().ResumeAsync(stoppingToken);
                await this.SetZaloBotWebhookAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogResumeFailed(logger, e);
        }
    }

    private T Get<T>() where T : notnull => (T)services.GetService(typeof(T))!;

    private async Task SetZaloBotWebhookAsync(CancellationToken cancellationToken)
    {
        var options = Get<IOptions<ZaloBotOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            return;
        }

        if (!ZaloBot.IsValidSecret(options.WebhookSecret))
        {
            LogWebhookNotSet(logger, "Zalo Bot", "Zalo:Bot:WebhookSecret phải dài 8–256 ký tự.");
            return;
        }

        var url = options.WebhookUrl.TrimEnd('/') + ZaloBot.WebhookPath;
        try
        {
            await Get<ZaloBotClient>().SetWebhookAsync(url, options.WebhookSecret, cancellationToken);
            LogWebhookSet(logger, "Zalo Bot", url);
        }
        catch (Exception e) when (e is InvalidOperationException or ZaloApiException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogWebhookNotSet(logger, "Zalo Bot", e.Message);
        }
    }

    private async Task SetTelegramWebhookAsync(CancellationToken cancellationToken)
    {
        var options = Get<IOptions<TelegramOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            return;
        }

        if (!TelegramSetup.IsValidSecret(options.WebhookSecret))
        {
            LogWebhookNotSet(logger, "Telegram", "Telegram:WebhookSecret phải có 1–256 ký tự A–Z, a–z, 0–9, _ hoặc -.");
            return;
        }

        try
        {
            var bot = Get<ITelegramBotClient>();
            await TelegramSetup.SetWebhookAsync(bot, options, cancellationToken);
            await TelegramSetup.RegisterCommandsAsync(bot, cancellationToken);
            LogWebhookSet(logger, "Telegram", options.WebhookUrl.TrimEnd('/') + TelegramSetup.WebhookPath);
        }
        catch (Exception e) when (e is InvalidOperationException or Telegram.Bot.Exceptions.RequestException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogWebhookNotSet(logger, "Telegram", e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Lỗi khi khôi phục các sự kiện chưa xử lý")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Đã đặt webhook {Channel}: {Url}")]
    private static partial void LogWebhookSet(ILogger logger, string channel, string url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chưa đặt được webhook {Channel}: {Error}")]
    private static partial void LogWebhookNotSet(ILogger logger, string channel, string error);
}
