using System.Globalization;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace PartyAssistant.Channels.Telegram;

/// <summary>
/// Handles a batch of updates, however they arrived: an update already handled is skipped, chats
/// are served side by side while each chat's updates keep their order, and a failing update is
/// logged (and the user told) without stopping the others.
/// </summary>
public sealed class TelegramUpdateProcessor(TelegramUpdateHandler handler, ChannelStore store, TelegramOutbox outbox, ILogger<TelegramUpdateProcessor> logger)
{
    public async Task ProcessAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        var byChat = updates.GroupBy(ChatOf).Select(chat => this.ProcessInOrderAsync(chat.ToList(), cancellationToken));
        await Task.WhenAll(byChat).ConfigureAwait(false);
    }

    /// <summary>For the webhook: true when the update is new and was taken; false for a redelivery.</summary>
    public async Task<bool> ProcessOnceAsync(Update update, CancellationToken cancellationToken)
    {
        // Claimed before handling, so a redelivery that arrives while the first is in flight is dropped.
        if (!await store.TryMarkProcessedAsync(TelegramUpdateHandler.Channel, Id(update), cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation("Cập nhật {Id} đã nhận trước đó; bỏ qua.", update.Id);
            return false;
        }

        await this.HandleSafelyAsync(update, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task ProcessInOrderAsync(List<Update> updates, CancellationToken cancellationToken)
    {
        foreach (var update in updates.OrderBy(u => u.Id))
        {
            if (await store.IsProcessedAsync(TelegramUpdateHandler.Channel, Id(update), cancellationToken).ConfigureAwait(false))
            {
                continue; // handled before a restart; its offset was not yet saved
            }

            await this.HandleSafelyAsync(update, cancellationToken).ConfigureAwait(false);
            await store.TryMarkProcessedAsync(TelegramUpdateHandler.Channel, Id(update), cancellationToken).ConfigureAwait(false);
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

    private static long ChatOf(Update update) => update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.Id;

    private static string Id(Update update) => update.Id.ToString(CultureInfo.InvariantCulture);
}
