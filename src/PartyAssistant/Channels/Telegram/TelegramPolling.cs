using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Hosting;

namespace PartyAssistant.Channels.Telegram;

/// <summary>
/// Long polling that neither loses nor repeats an update across a restart, yet serves many chats
/// at once: fetched updates go into the application database's inbox in the same transaction as
/// the offset that confirms them to Telegram, and leave it only once handled. (The library's own
/// receiver advances the offset first, which loses what a crash interrupts.)
/// </summary>
public sealed partial class TelegramPolling(
    ITelegramBotClient bot,
    ChannelDispatcher dispatcher,
    InboxStore inbox,
    ChannelStateStore state,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramPolling> logger)
{
    // Update ids count per bot: an offset kept for one token would skip another bot's updates.
    private const string OffsetKeyPrefix = "telegram.offset.";

    // Past this many updates in hand, stop fetching until some are done.
    private const int MaxInFlight = 1000;

    /// <summary>
    /// Polls until <paramref name="stopping"/> is cancelled. Handling is not tied to it: stopping ends the fetching at
    /// once, not a reply half sent (the host's drain gives those their grace; what the inbox held is replayed by the host).
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        if (!await this.StartAsync(stopping).ConfigureAwait(false))
        {
            return;
        }

        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (dispatcher.InFlight >= MaxInFlight)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), clock, stopping).ConfigureAwait(false);
                    continue;
                }

                foreach (var payload in await this.FetchAsync(stopping).ConfigureAwait(false))
                {
                    _ = dispatcher.Dispatch(TelegramUpdateHandler.Channel, payload);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 409)
            {
                LogConflict(logger, CredentialScrubber.Scrub(e.Message));
                await RetryBackoff.PauseAsync(TimeSpan.FromSeconds(5), clock, stopping).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Network faults, a full disk, a locked database: log, wait, try again; nothing fetched was confirmed.
                failures++;
                var wait = RetryBackoff.After(failures);
                LogFetchFailed(logger, CredentialScrubber.Scrub(e.Message), wait.TotalSeconds);
                await RetryBackoff.PauseAsync(wait, clock, stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Who the bot is, and its commands registered; retried while Telegram cannot be reached. False when stopped first.</summary>
    private async Task<bool> StartAsync(CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var me = await identity.GetAsync(stopping).ConfigureAwait(false);
                await TelegramSetup.RegisterCommandsAsync(bot, stopping).ConfigureAwait(false);
                LogReceiving(logger, me.Username);
                return true;
            }
            catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
            {
                throw new InvalidOperationException("Telegram từ chối token (401 Unauthorized): kiểm tra TELEGRAM_BOT_TOKEN hoặc Telegram:BotToken.", e);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e)
            {
                var wait = RetryBackoff.After(attempt);
                LogNotConnected(logger, CredentialScrubber.Scrub(e.Message), wait.TotalSeconds);
                await RetryBackoff.PauseAsync(wait, clock, stopping).ConfigureAwait(false);
                if (stopping.IsCancellationRequested)
                {
                    return false;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram từ chối long polling: {Error}. Nếu bot đang dùng webhook, hãy chạy `serve` hoặc xoá webhook.")]
    private static partial void LogConflict(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lỗi khi lấy cập nhật ({Error}); thử lại sau {Seconds} giây.")]
    private static partial void LogFetchFailed(ILogger logger, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot @{Username} đang nhận tin (long polling).")]
    private static partial void LogReceiving(ILogger logger, string? username);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chưa kết nối được Telegram ({Error}); thử lại sau {Seconds} giây.")]
    private static partial void LogNotConnected(ILogger logger, string error, double seconds);

    /// <summary>One round, waited for: what the inbox held, then one getUpdates, all handled. Returns how many.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var payloads = (await inbox.PendingAsync(TelegramUpdateHandler.Channel, cancellationToken).ConfigureAwait(false))
            .Concat(await this.FetchAsync(cancellationToken).ConfigureAwait(false))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        await Task.WhenAll(payloads.Select(p => dispatcher.Dispatch(TelegramUpdateHandler.Channel, p)).ToList()).ConfigureAwait(false);
        return payloads.Count;
    }

    /// <summary>One getUpdates; what it returns is in the inbox, and confirmed, before this returns. Returns the updates' JSON.</summary>
    public async Task<IReadOnlyList<string>> FetchAsync(CancellationToken cancellationToken)
    {
        var offsetKey = OffsetKeyPrefix + (await identity.GetAsync(cancellationToken).ConfigureAwait(false)).Id.ToString(CultureInfo.InvariantCulture);
        var saved = await state.GetAsync(offsetKey, cancellationToken).ConfigureAwait(false);
        int? offset = saved is null ? null : int.Parse(saved, CultureInfo.InvariantCulture);
        var updates = await bot.GetUpdates(offset, limit: 100, timeout: Math.Clamp(options.Value.PollTimeoutSeconds, 0, 50), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (updates.Length == 0)
        {
            return [];
        }

        var next = (updates.Max(u => u.Id) + 1).ToString(CultureInfo.InvariantCulture);
        var fetched = updates.OrderBy(u => u.Id).Select(u => ((long)u.Id, TelegramUpdateProcessor.Serialize(u))).ToList();
        await inbox.AddFetchedAsync(TelegramUpdateHandler.Channel, fetched, offsetKey, next, cancellationToken).ConfigureAwait(false);
        return fetched.Select(f => f.Item2).ToList();
    }
}
