using Microsoft.Extensions.Logging;

namespace PartyAssistant.Channels;

/// <summary>
/// How events from a webhook or a poll are taken: kept in the inbox first (a redelivery is
/// recognised by its platform id), then handled in the background in the chat's order, and
/// marked done only once handled, so a crash replays rather than loses.
/// </summary>
public sealed class ChannelInbox(ChannelStore store, ILogger<ChannelInbox> logger) : IDisposable
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
            try
            {
                // A replay may hold an event handled before a crash cut its bookkeeping short.
                if (!await store.IsProcessedAsync(channel, eventId, this.stopping.Token).ConfigureAwait(false))
                {
                    await handle(this.stopping.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !this.stopping.IsCancellationRequested)
            {
                logger.LogError(e, "Lỗi khi xử lý sự kiện {Channel}/{Id}", channel, eventId);
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

    public void Dispose()
    {
        this.stopping.Cancel();
        this.stopping.Dispose();
    }
}
