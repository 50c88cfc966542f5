using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Hosting;

namespace PartyAssistant.Channels;

/// <summary>
/// The one owner of intake, replay, ordering and rate limiting for every channel. An event is kept in
/// the inbox first (a redelivery is recognised by its platform id), then handled in the background in
/// its chat's order, and marked done only once handled, so a crash replays rather than loses. A reply
/// the platform could not take (<see cref="DeliveryDeferredException"/>) keeps its event in the inbox: it
/// is handled again after a growing wait with jitter, and after a restart, until delivered or
/// <see cref="DeliveryOptions.DeliveryMaxAgeHours"/> old.
/// </summary>
public sealed partial class ChannelDispatcher(
    InboxStore inbox,
    OutboxStore outbox,
    IServiceProvider services,
    IOptions<DeliveryOptions> delivery,
    TimeProvider clock,
    ILogger<ChannelDispatcher> logger) : IDisposable
{
    private readonly ChatLanes lanes = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, QuestionRateLimiter> limiters = new(StringComparer.Ordinal);

    /// <summary>Events taken and not yet finished.</summary>
    public int InFlight => this.lanes.InFlight;

    /// <summary>
    /// Takes an event from a webhook or a poll: stored, then handled in the background. The returned task ends when
    /// it is handled; for an event that needs no answer, or was taken before, it is already complete.
    /// Throws <see cref="MalformedEventException"/> for an event the channel cannot read; anything else means it was not stored.
    /// </summary>
    public async Task<Task> AcceptAsync(string channel, string payload, CancellationToken cancellationToken)
    {
        var handler = this.Handler(channel);
        ChannelEvent? read;
        try
        {
            read = handler.Read(payload);
        }
        catch (Exception e)
        {
            // Whatever a parser throws on a hostile body (bad JSON, an out-of-range date), it is the sender's fault.
            throw new MalformedEventException(e.Message, e);
        }

        if (read is not { } channelEvent)
        {
            return Task.CompletedTask;
        }

        if (!await inbox.TryAddAsync(channel, channelEvent.Id, payload, cancellationToken).ConfigureAwait(false))
        {
            LogRedelivered(logger, channel, channelEvent.Id);
            return Task.CompletedTask;
        }

        return this.Run(handler, channelEvent with { Payload = payload });
    }

    /// <summary>
    /// A webhook's event, answered as the platform needs to hear it: 200 once stored (with the handling task), 400 for
    /// an event the channel cannot read, 503 when it cannot be stored now, so the platform sends it again.
    /// </summary>
    public async Task<(int Status, Task Handled)> ReceiveAsync(string channel, string payload, CancellationToken cancellationToken)
    {
        try
        {
            return (200, await this.AcceptAsync(channel, payload, cancellationToken).ConfigureAwait(false));
        }
        catch (MalformedEventException e)
        {
            LogMalformed(logger, channel, CredentialScrubber.Scrub(e.Message));
            return (400, Task.CompletedTask);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotStored(logger, e, channel);
            return (503, Task.CompletedTask);
        }
    }

    /// <summary>Handles an event already in the inbox (fetched with its offset, or left by a stop).</summary>
    public Task Dispatch(string channel, string payload)
    {
        var handler = this.Handler(channel);
        return handler.Read(payload) is { } channelEvent ? this.Run(handler, channelEvent with { Payload = payload }) : Task.CompletedTask;
    }

    /// <summary>What the inbox held for these channels when the host last stopped or crashed, queued again.</summary>
    public async Task ReplayAsync(IEnumerable<string> channels, CancellationToken cancellationToken)
    {
        foreach (var channel in channels)
        {
            var pending = await inbox.PendingAsync(channel, cancellationToken).ConfigureAwait(false);
            foreach (var payload in pending)
            {
                try
                {
                    _ = this.Dispatch(channel, payload);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogUnreadable(logger, channel, CredentialScrubber.Scrub(e.Message));
                }
            }

            if (pending.Count > 0)
            {
                LogReplayed(logger, pending.Count, channel);
            }
        }
    }

    private IChannelEventHandler Handler(string channel) =>
        services.GetKeyedService<IChannelEventHandler>(channel) ?? throw new InvalidOperationException($"Không có kênh {channel}.");

    // Each channel keeps its own limit (its option); a user is counted within the channel.
    private QuestionRateLimiter Limiter(IChannelEventHandler handler) =>
        this.limiters.GetOrAdd(handler.Channel, _ => new QuestionRateLimiter(handler.QuestionsPerMinutePerUser, clock));

    private Task Run(IChannelEventHandler handler, ChannelEvent channelEvent) =>
        this.lanes.Run($"{handler.Channel}:{channelEvent.Lane}", async () =>
        {
            var channel = handler.Channel;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    // A replay may hold an event handled before a crash cut its bookkeeping short.
                    if (!await inbox.IsProcessedAsync(channel, channelEvent.Id, this.stopping.Token).ConfigureAwait(false))
                    {
                        await handler.HandleAsync(channelEvent, this.Limiter(handler), this.stopping.Token).ConfigureAwait(false);
                    }

                    break;
                }
                catch (DeliveryDeferredException e)
                {
                    // A stop during the wait leaves the event in the inbox: the next start tries again.
                    var since = await outbox.FirstDeferredAsync(channel, channelEvent.Id, this.stopping.Token).ConfigureAwait(false);
                    if (clock.GetUtcNow() - since >= delivery.Value.MaxAge)
                    {
                        LogGivenUp(logger, channel, channelEvent.Id, delivery.Value.DeliveryMaxAgeHours, CredentialScrubber.Scrub(e.Message));
                        await outbox.RecordGivenUpAsync(channel, channelEvent.Id, channelEvent.Payload, CredentialScrubber.Scrub(e.Message), CancellationToken.None).ConfigureAwait(false);
                        break;
                    }

                    var wait = delivery.Value.RetryWait(attempt, Random.Shared.NextDouble());
                    LogDeferred(logger, channel, channelEvent.Id, CredentialScrubber.Scrub(e.Message), wait.TotalSeconds);
                    await Task.Delay(wait, clock, this.stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !this.stopping.IsCancellationRequested)
                {
                    LogFailed(logger, e, channel, channelEvent.Id);
                    break;
                }
            }

            await this.CompleteAsync(channel, channelEvent.Id).ConfigureAwait(false);
        });

    private async Task CompleteAsync(string channel, string eventId)
    {
        try
        {
            await inbox.CompleteAsync(channel, eventId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogNotRecorded(logger, e, channel, eventId);
        }
    }

    public void Dispose()
    {
        this.stopping.Cancel();
        this.stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Channel}: nội dung không đọc được ({Error}).")]
    private static partial void LogMalformed(ILogger logger, string channel, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Channel}: chưa lưu được sự kiện; trả 503 để nền tảng gửi lại.")]
    private static partial void LogNotStored(ILogger logger, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sự kiện {Channel}/{Id} đã nhận trước đó; bỏ qua.")]
    private static partial void LogRedelivered(ILogger logger, string channel, string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Xử lý lại {Count} sự kiện {Channel} còn trong hộp thư đến.")]
    private static partial void LogReplayed(ILogger logger, int count, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sự kiện {Channel} trong hộp thư đến không đọc được ({Error}); giữ nguyên để kiểm tra.")]
    private static partial void LogUnreadable(ILogger logger, string channel, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lỗi khi xử lý sự kiện {Channel}/{Id}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string channel, string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Không ghi nhận được sự kiện {Channel}/{Id}; sẽ xử lý lại khi khởi động.")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string channel, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chưa gửi được trả lời cho {Channel}/{Id} ({Reason}); thử lại sau {Seconds:0.#} giây.")]
    private static partial void LogDeferred(ILogger logger, string channel, string id, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bỏ trả lời cho {Channel}/{Id} sau {Hours} giờ không gửi được ({Reason}).")]
    private static partial void LogGivenUp(ILogger logger, string channel, string id, double hours, string reason);
}
