using System.Globalization;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace PartyAssistant.Channels.Telegram;

/// <summary>
/// Handles Telegram updates through the channels' inbox: chats side by side, each in order, an
/// update already handled skipped; a failing update is logged and the user told, without
/// stopping the others.
/// </summary>
public sealed class TelegramUpdateProcessor(TelegramUpdateHandler handler, ChannelInbox inbox, TelegramOutbox outbox, ILogger<TelegramUpdateProcessor> logger)
{
    /// <summary>Updates dispatched and not yet finished.</summary>
    public int InFlight => inbox.InFlight;

    /// <summary>An update already in the inbox, queued behind its chat's earlier ones; the task ends when it is handled.</summary>
    public Task Dispatch(Update update) =>
        inbox.Run(TelegramUpdateHandler.Channel, Id(update), ChatOf(update), ct => this.HandleSafelyAsync(update, ct));

    /// <summary>A webhook update: kept in the inbox, then handled in the background; not taken again if redelivered.</summary>
    public async Task AcceptAsync(Update update, string payload, CancellationToken cancellationToken) =>
        await inbox.AcceptAsync(TelegramUpdateHandler.Channel, Id(update), payload, ChatOf(update), ct => this.HandleSafelyAsync(update, ct), cancellationToken).ConfigureAwait(false);

    /// <summary>Handles a batch and returns when every update of it is done.</summary>
    public Task ProcessAsync(IReadOnlyList<Update> updates) =>
        Task.WhenAll(updates.OrderBy(u => u.Id).Select(this.Dispatch).ToList());

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
