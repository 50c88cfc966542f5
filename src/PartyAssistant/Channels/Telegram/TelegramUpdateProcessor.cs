using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace PartyAssistant.Channels.Telegram;

/// <summary>
/// Telegram's part of the channel contract: an update read from its JSON, queued in its chat's lane,
/// handled; a failing update is logged and the user told, without stopping the others.
/// </summary>
public sealed partial class TelegramUpdateProcessor(TelegramUpdateHandler handler, TelegramOutbox outbox, IOptions<TelegramOptions> options, ILogger<TelegramUpdateProcessor> logger)
    : IChannelEventHandler
{
    public string Channel => TelegramUpdateHandler.Channel;

    public int QuestionsPerMinutePerUser => options.Value.QuestionsPerMinutePerUser;

    public static string Serialize(Update update) => JsonSerializer.Serialize(update, JsonBotAPI.Options);

    // Every update has an id and is kept until handled, even those that need no answer, so the inbox never holds strays.
    public ChannelEvent? Read(string payload) =>
        JsonSerializer.Deserialize<Update>(payload, JsonBotAPI.Options) is { } update
            ? new ChannelEvent(update.Id.ToString(CultureInfo.InvariantCulture), LaneOf(update), update)
            : null;

    public async Task HandleAsync(ChannelEvent channelEvent, QuestionRateLimiter limiter, CancellationToken cancellationToken)
    {
        var update = (Update)channelEvent.Message;
        try
        {
            await handler.HandleAsync(update, limiter, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or DeliveryDeferredException) || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUpdateFailed(logger, e, update.Id);
            if (update.Message?.Chat is { } chat)
            {
                await outbox.SendAsync(chat.Id, chat.Type is not ChatType.Private, TelegramHtml.Escape(ChatCommands.Failed), null, null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Lỗi khi xử lý cập nhật {Id}")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, int id);

    // Updates without a chat (membership changes and the like) share one lane of their own.
    private static string LaneOf(Update update) =>
        (update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id)?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
