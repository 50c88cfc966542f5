using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PartyAssistant.Channels;

/// <summary>
/// How events from a webhook or a poll are taken: kept in the inbox first (a redelivery is
/// recognised by its platform id), then handled in the background in the chat's order, and
/// marked done only once handled, so a crash replays rather than loses. A reply the platform could not take
/// (<see cref="DeliveryDeferredException"/>) keeps its event here: it is handled again after a growing wait, and
/// after a restart, until delivered or <see cref="DeliveryOptions.DeliveryMaxAgeHours"/> old.
/// </summary>
public sealed partial class ChannelInbox(ChannelStore store, IOptions<DeliveryOptions> delivery, TimeProvider clock, ILogger<ChannelInbox> logger) : IDisposable
{
    private readonly ChatLanes lanes = new();
    private readonly CancellationTokenSource stopping = new();

    public int InFlight => this.lanes.InFlight;

    /// <summary>The returned task ends when the event is handled; for an event already taken or handled it is already complete.</summary>
    public async Task<Task> AcceptAsync(string channel, string eventId, string payload, string chat, Func<CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        if (!await store.TryAddToInboxAsync(channel, eventId, payload, cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation("Sự kiện {Channel}/{Id} đã nhận trước đó; bỏ qua.", channel, eventId);
            return Task.CompletedTask;
        }

        return this.Run(channel, eventId, chat, handle);
    }

    /// <summary>Handles an event already in the inbox (after a restart).</summary>
    public Task Run(string channel, string eventId, string chat, Func<CancellationToken, Task> handle) =>
        this.lanes.Run($"{channel}:{chat}", async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    // A replay may hold an event handled before a crash cut its bookkeeping short.
                    if (!await store.IsProcessedAsync(channel, eventId, this.stopping.Token).ConfigureAwait(false))
                    {
                        await handle(this.stopping.Token).ConfigureAwait(false);
                    }

                    break;
                }
                catch (DeliveryDeferredException e)
                {
                    // A stop during the wait leaves the event in the inbox: the next start tries again.
                    var since = await store.FirstDeferredAsync(channel, eventId, this.stopping.Token).ConfigureAwait(false);
                    if (clock.GetUtcNow() - since >= delivery.Value.MaxAge)
                    {
                        LogGivenUp(logger, channel, eventId, delivery.Value.DeliveryMaxAgeHours, e.Message);
                        break;
                    }

                    var wait = delivery.Value.RetryWait(attempt, Random.Shared.NextDouble());
                    LogDeferred(logger, channel, eventId, e.Message, wait.TotalSeconds);
                    await Task.Delay(wait, clock, this.stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !this.stopping.IsCancellationRequested)
                {
                    logger.LogError(e, "Lỗi khi xử lý sự kiện {Channel}/{Id}", channel, eventId);
                    break;
                }
            }

            try
            {
                await store.CompleteAsync(channel, eventId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Không ghi nhận được sự kiện {Channel}/{Id}; sẽ xử lý lại khi khởi động.", channel, eventId);
            }
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chưa gửi được trả lời cho {Channel}/{Id} ({Reason}); thử lại sau {Seconds:0.#} giây.")]
    private static partial void LogDeferred(ILogger logger, string channel, string id, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bỏ trả lời cho {Channel}/{Id} sau {Hours} giờ không gửi được ({Reason}).")]
    private static partial void LogGivenUp(ILogger logger, string channel, string id, double hours, string reason);

    public void Dispose()
    {
        this.stopping.Cancel();
        this.stopping.Dispose();
    }
}
