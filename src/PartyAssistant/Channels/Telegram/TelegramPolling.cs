using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace PartyAssistant.Channels.Telegram;

/// <summary>
/// Long polling with an offset kept in the application database and advanced only after a batch
/// is handled, so a restart neither loses nor repeats an update (the library's own receiver
/// advances first, which loses what a crash interrupts).
/// </summary>
public sealed class TelegramPolling(
    ITelegramBotClient bot,
    TelegramUpdateProcessor processor,
    ChannelStore store,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramPolling> logger)
{
    private const string OffsetKey = "telegram.offset";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        (long Id, string Username) me;
        try
        {
            me = await identity.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
        {
            throw new InvalidOperationException("Telegram từ chối token (401 Unauthorized): kiểm tra TELEGRAM_BOT_TOKEN hoặc Telegram:BotToken.", e);
        }

        logger.LogInformation("Bot @{Username} đang nhận tin (long polling).", me.Username);
        await TelegramSetup.RegisterCommandsAsync(bot, cancellationToken).ConfigureAwait(false);

        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await this.PollOnceAsync(cancellationToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 409)
            {
                logger.LogWarning("Telegram từ chối long polling: {Error}. Nếu bot đang dùng webhook, hãy chạy `serve` hoặc xoá webhook.", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), clock, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Network faults, a full disk, a locked database: log, wait, try again; the offset was not advanced.
                failures++;
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));
                logger.LogWarning("Lỗi khi lấy cập nhật ({Error}); thử lại sau {Seconds} giây.", e.Message, wait.TotalSeconds);
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One getUpdates round: fetch, handle, then save the next offset.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var saved = await store.GetStateAsync(OffsetKey, cancellationToken).ConfigureAwait(false);
        int? offset = saved is null ? null : int.Parse(saved, CultureInfo.InvariantCulture);
        var updates = await bot.GetUpdates(offset, limit: 100, timeout: Math.Clamp(options.Value.PollTimeoutSeconds, 0, 50), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (updates.Length == 0)
        {
            return 0;
        }

        await processor.ProcessAsync(updates, cancellationToken).ConfigureAwait(false);
        await store.SetStateAsync(OffsetKey, (updates.Max(u => u.Id) + 1).ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        return updates.Length;
    }
}
