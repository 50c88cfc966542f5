using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using PartyAssistant.Hosting;

namespace PartyAssistant.Channels.Telegram;

/// <summary>
/// Sends within Telegram's flood limits: messages to one chat are spaced (about one a second in a
/// private chat, twenty a minute in a group), a 429 waits its retry_after and tries again, and any
/// other API error is logged without stopping the bot.
/// </summary>
public sealed partial class TelegramOutbox(ITelegramBotClient bot, IOptions<TelegramOptions> options, TimeProvider clock, ILogger<TelegramOutbox> logger)
{
    private static readonly TimeSpan PacingMargin = TimeSpan.FromMilliseconds(50);

    // Chats idle for a minute are forgotten once this many are tracked, so the map stays bounded.
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<long, ChatLane> lanes = new();

    public async Task<Message?> SendAsync(long chatId, bool isGroup, string html, InlineKeyboardMarkup? keyboard, int? replyTo, CancellationToken cancellationToken)
    {
        if (this.lanes.Count > SweepAbove)
        {
            this.Sweep();
        }

        var lane = this.lanes.GetOrAdd(chatId, _ => new ChatLane());
        await lane.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A small margin: timers may fire a few milliseconds early, and Telegram counts strictly.
            var interval = TimeSpan.FromSeconds(isGroup ? options.Value.GroupChatIntervalSeconds : options.Value.PrivateChatIntervalSeconds) + PacingMargin;
            var wait = lane.LastSent + interval - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }

            var sent = await this.SendWithRetriesAsync(chatId, html, keyboard, replyTo, cancellationToken).ConfigureAwait(false);
            lane.LastSent = clock.GetUtcNow();
            return sent;
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    /// <summary>"đang soạn…" for as long as the work runs (Telegram shows it for five seconds at a time).</summary>
    public async Task<T> WhileTypingAsync<T>(long chatId, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        // Shown before the work starts, then renewed every four seconds until it ends.
        if (!await this.TryTypingAsync(chatId, cancellationToken).ConfigureAwait(false))
        {
            return await work().ConfigureAwait(false);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renew = Task.Run(
            async () =>
            {
                try
                {
                    while (true)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(4), clock, stop.Token).ConfigureAwait(false);
                        if (!await this.TryTypingAsync(chatId, stop.Token).ConfigureAwait(false))
                        {
                            return;
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // The work ended.
                }
            },
            CancellationToken.None);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await renew.ConfigureAwait(false);
        }
    }

    private async Task<bool> TryTypingAsync(long chatId, CancellationToken cancellationToken)
    {
        try
        {
            await bot.SendChatAction(chatId, ChatAction.Typing, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestException e)
        {
            LogTypingFailed(logger, e);
            return false;
        }
    }

    private async Task<Message?> SendWithRetriesAsync(long chatId, string html, InlineKeyboardMarkup? keyboard, int? replyTo, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await bot.SendMessage(
                    chatId,
                    html,
                    ParseMode.Html,
                    replyParameters: replyTo is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null,
                    replyMarkup: keyboard,
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429 && attempt < options.Value.MaxRetries)
            {
                var wait = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                LogTooMany(logger, wait.TotalSeconds, chatId);
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestException e) when ((e is not ApiRequestException || e is ApiRequestException { ErrorCode: >= 500 }) && attempt < 2)
            {
                // Network faults and 5xx are passing: try twice more. A 4xx would only fail again.
                LogTransient(logger, chatId, CredentialScrubber.Scrub(e.Message));
                await Task.Delay(TimeSpan.FromSeconds(attempt + 1), clock, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestException e) when (e is not ApiRequestException || e is ApiRequestException { ErrorCode: >= 500 or 429 })
            {
                // Still passing, but not worth holding the chat for: the event stays stored and is handled again later.
                throw new DeliveryDeferredException($"Telegram chưa nhận tin nhắn: {e.Message}");
            }
            catch (RequestException e)
            {
                LogRefused(logger, chatId, CredentialScrubber.Scrub(e.Message));
                return null;
            }
        }
    }

    private void Sweep()
    {
        var idle = clock.GetUtcNow() - TimeSpan.FromMinutes(1);
        foreach (var (chat, lane) in this.lanes)
        {
            if (lane.LastSent < idle && lane.Gate.CurrentCount == 1)
            {
                this.lanes.TryRemove(KeyValuePair.Create(chat, lane));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "sendChatAction thất bại")]
    private static partial void LogTypingFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram yêu cầu chờ {Seconds} giây (429) trước khi gửi tới {Chat}.")]
    private static partial void LogTooMany(ILogger logger, double seconds, long chat);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gửi tới {Chat} lỗi tạm thời ({Error}); thử lại.")]
    private static partial void LogTransient(ILogger logger, long chat, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Không gửi được tin tới {Chat}: {Error}")]
    private static partial void LogRefused(ILogger logger, long chat, string error);

    private sealed class ChatLane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset LastSent { get; set; } = DateTimeOffset.MinValue;
    }
}
