using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Channels.Telegram;
using PartyAssistant.Channels.Zalo;
using Telegram.Bot;

namespace PartyAssistant.Cli.Hosting;

/// <summary>
/// At the web host's start, each configured channel with a public address gets its webhook set.
/// Failures are logged; the host keeps serving (the webhook can be set on the next start).
/// </summary>
public sealed partial class WebhookRegistration(IServiceProvider services, ILogger<WebhookRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (ChannelAvailability.Telegram(services))
            {
                await this.SetTelegramWebhookAsync(stoppingToken).ConfigureAwait(false);
            }

            if (ChannelAvailability.ZaloBot(services))
            {
                await this.SetZaloBotWebhookAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
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
            await Get<ZaloBotClient>().SetWebhookAsync(url, options.WebhookSecret, cancellationToken).ConfigureAwait(false);
            LogWebhookSet(logger, "Zalo Bot", url);
        }
        catch (Exception e) when (e is InvalidOperationException or ZaloApiException or HttpRequestException or Polly.ExecutionRejectedException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
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
            await TelegramSetup.SetWebhookAsync(bot, options, cancellationToken).ConfigureAwait(false);
            await TelegramSetup.RegisterCommandsAsync(bot, cancellationToken).ConfigureAwait(false);
            LogWebhookSet(logger, "Telegram", options.WebhookUrl.TrimEnd('/') + TelegramSetup.WebhookPath);
        }
        catch (Exception e) when (e is InvalidOperationException or Telegram.Bot.Exceptions.RequestException or HttpRequestException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogWebhookNotSet(logger, "Telegram", e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Đã đặt webhook {Channel}: {Url}")]
    private static partial void LogWebhookSet(ILogger logger, string channel, string url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chưa đặt được webhook {Channel}: {Error}")]
    private static partial void LogWebhookNotSet(ILogger logger, string channel, string error);
}
