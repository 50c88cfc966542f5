using System.Globalization;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace PartyAssistant.Channels.Telegram;

/// <summary>
/// Handles updates however they arrived: chats are served side by side while each chat's updates
/// keep their order, an update already handled is skipped, and a failing update is logged (and
/// the user told) without stopping the others.
/// </summary>
public sealed class TelegramUpdateProcessor(TelegramUpdateHandler handler, ChannelStore store, TelegramOutbox outbox, ILogger<TelegramUpdateProcessor> logger)
{
    private readonly ChatLanes lanes = new();

    /// <summary>Updates dispatched and not yet finished.</summary>
    public int InFlight => this.lanes.InFlight;

    /// <summary>Queues an update behind its chat's earlier ones; the task ends when it is handled.</summary>
    public Task Dispatch(Update update, CancellationToken cancellationToken) =>
        this.lanes.Run(ChatOf(update), () => this.RunAsync(update, cancellationToken));

    /// <summary>Handles a batch and returns when every update of it is done.</summary>
    public Task ProcessAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken) =>
        Task.WhenAll(updates.OrderBy(u => u.Id).Select(u => this.Dispatch(u, cancellationToken)).ToList());

    private async Task RunAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            if (!await store.IsProcessedAsync(TelegramUpdateHandler.Channel, Id(update), cancellationToken).ConfigureAwait(false))
            {
                await this.HandleSafelyAsync(update, cancellationToken).ConfigureAwait(false);
            }

            await store.CompleteAsync(TelegramUpdateHandler.Channel, update.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Left in the inbox: handled again after a restart.
            logger.LogError(e, "Không ghi nhận được cập nhật {Id}", update.Id);
        }
    }

    private async Task HandleSafelyAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAsync(update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Lỗi khi xử lý cập nhật {Id}", update.Id);
            if (update.Message?.Chat is { } chat)
            {
                await outbox.SendAsync(chat.Id, chat.Type is not ChatType.Private, TelegramHtml.Escape(ChatCommands.Failed), null, null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Updates without a chat (membership changes and the like) share one lane of their own.
    private static string ChatOf(Update update) =>
        (update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id)?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Id(Update update) => update.Id.ToString(CultureInfo.InvariantCulture);
}
