using System.Globalization;
using Microsoft.Extensions.Logging;
using PartyAssistant.Answering;
using PartyAssistant.Channels.Storage;
using PartyAssistant.Conversations;
using PartyAssistant.Hosting;
using PartyAssistant.Search;
using PartyAssistant.Text;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace PartyAssistant.Channels.Telegram;

/// <summary>
/// One update in, the right reply out: questions in private chats; in groups only what is
/// addressed to the bot (/hoi, a mention, a reply to it); commands; and the buttons under answers,
/// every one of which is answered.
/// </summary>
public sealed partial class TelegramUpdateHandler(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    TelegramOutbox outbox,
    ChatAssistant assistant,
    AnswerStore answers,
    OutboxStore deliveries,
    BotDocuments documents,
    ChatQuiz quiz,
    Microsoft.Extensions.Options.IOptions<DeliveryOptions> delivery,
    ILogger<TelegramUpdateHandler> logger)
{
    public const string Channel = "telegram";

    private readonly int maxParts = delivery.Value.MaxPartsPerAnswer;

    public async Task HandleAsync(Update update, QuestionRateLimiter limiter, CancellationToken cancellationToken)
    {
        switch (update)
        {
            case { Message: { Text: { } text } message }:
                await this.OnMessageAsync(message, text, limiter, cancellationToken).ConfigureAwait(false);
                break;
            case { CallbackQuery: { } query }:
                await this.OnCallbackAsync(query, cancellationToken).ConfigureAwait(false);
                break;
            default:
                LogSkipped(logger, update.Id, update.Type);
                break;
        }
    }

    private async Task OnMessageAsync(Message message, string text, QuestionRateLimiter limiter, CancellationToken cancellationToken)
    {
        if (message.From is not { IsBot: false } from)
        {
            return;
        }

        var me = await identity.GetAsync(cancellationToken).ConfigureAwait(false);
        var isGroup = IsGroup(message.Chat);
        var request = TelegramAddressing.Read(message, text, me.Id, me.Username);
        if (request is null || (isGroup && !request.Addressed))
        {
            return; // a group message for someone else, or a command for another bot
        }

        var incoming = new IncomingMessage(KeyOf(message.Chat, from), isGroup, request.Command, request.Argument);
        await assistant.HandleAsync(incoming, new Sender(this, outbox, message.Chat.Id, isGroup ? message.Id : null, $"{message.Chat.Id}:{message.Id}"), limiter, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnCallbackAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        string notice;
        try
        {
            notice = await this.HandleButtonAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogButtonFailed(logger, e, query.Data);
            notice = ChatCommands.Failed;
        }

        try
        {
            // Always answered, or the user's button keeps spinning.
            await bot.AnswerCallbackQuery(query.Id, notice, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestException e)
        {
            LogCallbackNotAnswered(logger, query.Id, CredentialScrubber.Scrub(e.Message));
        }
    }

    private async Task<string> HandleButtonAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        if (QuizButton.Parse(query.Data) is { } quizButton && query.Message is { } quizMessage)
        {
            var from = new IncomingMessage(KeyOf(quizMessage.Chat, query.From), IsGroup(quizMessage.Chat), "quiz", string.Empty);
            return await quiz.AnswerButtonAsync(from, quizButton, new Sender(this, outbox, quizMessage.Chat.Id, null, EventId: null), cancellationToken).ConfigureAwait(false);
        }

        if (AnswerButton.Parse(query.Data) is not { } button || query.Message is not { } message)
        {
            return "Nút này không còn dùng được.";
        }

        var stored = await answers.GetAnswerAsync(button.AnswerId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return "Câu trả lời này không còn được lưu.";
        }

        var isGroup = IsGroup(message.Chat);
        switch (button.Kind)
        {
            case AnswerButton.Passage when stored.Citations.FirstOrDefault(c => c.N == button.Number) is { } citation
                                          && stored.Passages.FirstOrDefault(p => p.PassageId == citation.PassageId) is { } passage:
                await this.SendTextAsync(message.Chat.Id, isGroup, $"[{citation.N}] {passage.Label}\n({passage.PassageId})\n\n{passage.Text}", null, cancellationToken).ConfigureAwait(false);
                return $"Nguyên văn đoạn [{citation.N}]";
            case AnswerButton.Related:
                await this.SendTextAsync(message.Chat.Id, isGroup, await documents.RelatedAsync(stored.Passages, cancellationToken).ConfigureAwait(false), null, cancellationToken).ConfigureAwait(false);
                return "Tài liệu liên quan";
            case AnswerButton.Helpful or AnswerButton.NotHelpful:
                await answers.SaveFeedbackAsync(stored.Id, query.From.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), button.Kind == AnswerButton.Helpful, cancellationToken).ConfigureAwait(false);
                return "Cảm ơn đồng chí đã góp ý!";
            default:
                return "Nút này không còn dùng được.";
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bỏ qua cập nhật {Id} loại {Type}")]
    private static partial void LogSkipped(ILogger logger, int id, global::Telegram.Bot.Types.Enums.UpdateType type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lỗi khi xử lý nút {Data}")]
    private static partial void LogButtonFailed(ILogger logger, Exception exception, string? data);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không trả lời được callback {Id}: {Error}")]
    private static partial void LogCallbackNotAnswered(ILogger logger, string id, string error);

    /// <summary>
    /// Replies in one Telegram chat: HTML, buttons under answers, a reply to the asking message in groups. With the
    /// event's id, each part delivered is recorded, so an event handled again after an outage sends only the rest.
    /// </summary>
    private sealed class Sender(TelegramUpdateHandler handler, TelegramOutbox outbox, long chatId, int? replyTo, string? EventId) : IReplySender
    {
        private int sends;

        public ChannelCapabilities Capabilities { get; } = new(TelegramHtml.MaxPartLength, Buttons: true);

        public Task SendTextAsync(IncomingMessage to, string text, CancellationToken cancellationToken) =>
            handler.SendPartsAsync(chatId, to.IsGroup, TelegramHtml.FormatPlain(text), null, replyTo, this.NextSend(), cancellationToken);

        public Task SendChoicesAsync(IncomingMessage to, string text, IReadOnlyList<ReplyChoice> choices, CancellationToken cancellationToken) =>
            handler.SendPartsAsync(
                chatId,
                to.IsGroup,
                TelegramHtml.FormatPlain(text),
                new InlineKeyboardMarkup(choices.Select(c => InlineKeyboardButton.WithCallbackData(c.Label, c.Data))),
                replyTo,
                this.NextSend(),
                cancellationToken);

        public Task SendAnswerAsync(IncomingMessage to, GroundedAnswer answer, long answerId, CancellationToken cancellationToken) =>
            handler.SendPartsAsync(chatId, to.IsGroup, TelegramHtml.FormatAnswer(answer), AnswerKeyboard(answerId, answer), replyTo, this.NextSend(), cancellationToken);

        public Task<T> WhileTypingAsync<T>(IncomingMessage to, Func<Task<T>> work, CancellationToken cancellationToken) =>
            outbox.WhileTypingAsync(chatId, work, cancellationToken);

        private (string? EventId, int Send) NextSend() => (EventId, ++this.sends);
    }

    private Task SendTextAsync(long chatId, bool isGroup, string text, int? reply, CancellationToken cancellationToken) =>
        this.SendPartsAsync(chatId, isGroup, TelegramHtml.FormatPlain(text), null, reply, delivery: (null, 0), cancellationToken);

    /// <summary>Parts in order: the first replies to <paramref name="replyTo"/>, the last carries <paramref name="keyboard"/>.</summary>
    /// <param name="delivery">The event and send the parts belong to (no event for a button): parts recorded as delivered are skipped.</param>
    private async Task SendPartsAsync(
        long chatId, bool isGroup, IReadOnlyList<string> all, InlineKeyboardMarkup? keyboard, int? replyTo, (string? EventId, int Send) delivery, CancellationToken cancellationToken)
    {
        var parts = ReplyParts.Limit(all, this.maxParts, TelegramHtml.Escape(ReplyParts.More));
        await deliveries.SendPartsAsync(Channel, delivery.EventId, delivery.Send, parts.Count, async i =>
            await outbox.SendAsync(chatId, isGroup, parts[i], i == parts.Count - 1 ? keyboard : null, i == 0 ? replyTo : null, cancellationToken).ConfigureAwait(false) is null
                ? PartSent.NotDelivered
                : PartSent.Delivered, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsGroup(Chat chat) => chat.Type is ChatType.Group or ChatType.Supergroup;

    /// <summary>The conversation: this chat, this person (in a group each member has their own).</summary>
    private static ConversationKey KeyOf(Chat chat, User from) =>
        new(Channel, chat.Id.ToString(CultureInfo.InvariantCulture), from.Id.ToString(CultureInfo.InvariantCulture));

    private static InlineKeyboardMarkup? AnswerKeyboard(long answerId, GroundedAnswer answer)
    {
        var rows = new List<InlineKeyboardButton[]>();
        if (answer.Citations.Count > 0)
        {
            rows.Add(answer.Citations.Take(8).Select(c => InlineKeyboardButton.WithCallbackData($"📄 [{c.N}]", AnswerButton.Format(AnswerButton.Passage, answerId, c.N))).ToArray());
        }

        rows.Add([InlineKeyboardButton.WithCallbackData("📚 Tài liệu liên quan", AnswerButton.Format(AnswerButton.Related, answerId))]);
        rows.Add(
        [
            InlineKeyboardButton.WithCallbackData("👍", AnswerButton.Format(AnswerButton.Helpful, answerId)),
            InlineKeyboardButton.WithCallbackData("👎", AnswerButton.Format(AnswerButton.NotHelpful, answerId)),
        ]);
        return new InlineKeyboardMarkup(rows);
    }
}
