using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace PartyAssistant.Fakes;

// The Bot API methods the fake serves, with Telegram's validation and error texts.
public sealed partial class FakeTelegramServer
{
    private const int MaxMessageLength = 4096;
    private const int MaxCallbackAnswerLength = 200;

    private static readonly HashSet<string> ChatActionNames =
    [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ];

    private static readonly string[] InlineButtonActions =
    [
        "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
    ];

    private Dictionary<string, Method> CreateMethods()
    {
        var methods = new Dictionary<string, Method>(StringComparer.OrdinalIgnoreCase);
        void Add(string name, Func<JsonObject, Success> handler) =>
            methods[name] = new Method(name, (p, _) => Task.FromResult(handler(p)));

        Add("getMe", _ => new Success(BotUserJson()));
        methods["getUpdates"] = new Method("getUpdates", GetUpdatesAsync);
        Add("sendMessage", SendMessage);
        Add("editMessageText", EditMessageText);
        Add("editMessageReplyMarkup", EditMessageReplyMarkup);
        Add("deleteMessage", DeleteMessage);
        Add("sendChatAction", SendChatAction);
        Add("answerCallbackQuery", AnswerCallbackQuery);
        Add("setMyCommands", SetMyCommands);
        Add("getMyCommands", GetMyCommands);
        Add("deleteMyCommands", DeleteMyCommands);
        Add("setWebhook", SetWebhook);
        Add("deleteWebhook", p => DeleteWebhook(Bool(p, "drop_pending_updates")));
        Add("getWebhookInfo", _ => GetWebhookInfo());
        return methods;
    }

    private JsonObject BotUserJson() => new()
    {
        ["id"] = BotUserId,
        ["is_bot"] = true,
        ["first_name"] = BotFirstName,
        ["username"] = BotUsername,
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    // ================================================================ getUpdates

    private sealed class PollWaiter
    {
        public TaskCompletionSource Terminated { get; } = NewSignal();
    }

    /// <summary>
    /// Telegram's semantics: a positive offset confirms (deletes) every update below it; a negative one keeps only the
    /// last |offset|. Returns up to limit updates with update_id ≥ offset, or holds the request up to timeout seconds
    /// (max 50) until one is pushed. A newer getUpdates ends a waiting older one with 409, as does an active webhook.
    /// </summary>
    private async Task<Success> GetUpdatesAsync(JsonObject p, CancellationToken ct)
    {
        var offset = Long(p, "offset") ?? 0;
        var limit = (int)Math.Clamp(Long(p, "limit") ?? 100, 1, 100);
        var timeout = Math.Clamp(Long(p, "timeout") ?? 0, 0, 50);
        var deadline = Stopwatch.GetTimestamp() + timeout * Stopwatch.Frequency;
        var waiter = new PollWaiter();

        lock (_gate)
        {
            if (_webhookUrl is not null)
                throw new ApiError(409, WebhookConflictDescription);

            _activePoll?.Terminated.TrySetResult();
            _activePoll = waiter;
            _activeGetUpdates++;
            if (offset < 0)
            {
                var keep = (int)Math.Min(-offset, _updateQueue.Count);
                _updateQueue.RemoveRange(0, _updateQueue.Count - keep);
                offset = 0;
            }
            else if (offset > 0)
            {
                var confirmed = offset;
                _updateQueue.RemoveAll(u => UpdateId(u) < confirmed);
            }
        }

        try
        {
            while (true)
            {
                Task wake;
                lock (_gate)
                {
                    if (waiter.Terminated.Task.IsCompleted)
                        throw new ApiError(409, TerminatedDescription);
                    if (_webhookUrl is not null)
                        throw new ApiError(409, WebhookConflictDescription);

                    var from = offset;
                    var batch = _updateQueue.Where(u => UpdateId(u) >= from).Take(limit).Select(u => u.DeepClone()).ToArray();
                    if (batch.Length > 0 || Remaining(deadline) <= TimeSpan.Zero)
                        return new Success(new JsonArray(batch));
                    wake = Task.WhenAny(_updatesPushed.Task, waiter.Terminated.Task);
                }

                var remaining = Remaining(deadline);
                if (remaining <= TimeSpan.Zero)
                    continue;
                try
                {
                    await wake.WaitAsync(remaining, ct);
                }
                catch (TimeoutException)
                {
                    // next round returns whatever is there, usually []
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_activePoll, waiter))
                    _activePoll = null;
                _activeGetUpdates--;
                PulseRecordedLocked();
            }
        }
    }

    // ================================================================ messages

    private sealed record ParsedMarkup(JsonObject? Echo, string? RawJson, IReadOnlyList<IReadOnlyList<InlineButton>> Keyboard);

    private Success SendMessage(JsonObject p)
    {
        var chatId = RequireChatId(p);
        var text = Str(p, "text") ?? "";
        var parseMode = Str(p, "parse_mode");
        var formatted = ParseText(text, parseMode);
        var markup = ParseReplyMarkup(p);
        var threadId = Long(p, "message_thread_id");

        var replyParameters = Json(p, "reply_parameters", "can't parse reply parameters JSON object") as JsonObject;
        var replyToId = Long(replyParameters?["message_id"]) ?? Long(p, "reply_to_message_id");
        var replyChat = Long(replyParameters?["chat_id"]) ?? chatId;
        var allowWithoutReply = replyParameters?["allow_sending_without_reply"] is { } allow
            ? Bool(allow)
            : Bool(p, "allow_sending_without_reply");

        lock (_gate)
        {
            var stamp = Stopwatch.GetTimestamp();
            CheckFloodLocked(chatId, stamp);

            JsonObject? replyTo = null;
            if (replyToId is { } target)
            {
                if (_messages.TryGetValue((replyChat, target), out var stored))
                {
                    if (replyChat == chatId)
                    {
                        replyTo = (JsonObject)stored.Json.DeepClone();
                        replyTo.Remove("reply_to_message");
                    }
                }
                else if (!allowWithoutReply)
                {
                    throw BadRequest("message to be replied not found");
                }
            }

            var messageId = NextMessageIdLocked(chatId);
            var message = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = UserJsonLocked(BotUserId),
                ["chat"] = ChatJsonLocked(chatId),
                ["date"] = Now(),
            };
            if (threadId is { } thread)
                message["message_thread_id"] = thread;
            if (replyTo is not null)
                message["reply_to_message"] = replyTo;
            SetContent(message, formatted, markup);

            StoreMessageLocked(chatId, messageId, BotUserId, message);
            _sendTimes.TryAdd(chatId, new Queue<long>());
            _sendTimes[chatId].Enqueue(stamp);
            _sent.Add(new SentMessage(chatId, messageId, text, parseMode, formatted.Text, markup.RawJson, DateTimeOffset.UtcNow, stamp)
            {
                ReplyToMessageId = replyToId,
                MessageThreadId = threadId,
                InlineKeyboard = markup.Keyboard,
            });
            PulseRecordedLocked();
            return new Success(message.DeepClone());
        }
    }

    private Success EditMessageText(JsonObject p)
    {
        var text = Str(p, "text") ?? "";
        var parseMode = Str(p, "parse_mode");
        var formatted = ParseText(text, parseMode);
        var markup = ParseReplyMarkup(p);
        if (!string.IsNullOrEmpty(Str(p, "inline_message_id")))
            return new Success(true); // inline messages are not tracked; Telegram answers true for them

        var chatId = RequireChatId(p);
        var messageId = Long(p, "message_id") ?? throw BadRequest("message identifier is not specified");
        lock (_gate)
        {
            var stored = EditableMessageLocked(chatId, messageId);
            var after = (JsonObject)stored.Json.DeepClone();
            SetContent(after, formatted, markup);
            return CommitEditLocked(chatId, messageId, stored, after, text, parseMode, formatted.Text, markup);
        }
    }

    private Success EditMessageReplyMarkup(JsonObject p)
    {
        var markup = ParseReplyMarkup(p);
        if (!string.IsNullOrEmpty(Str(p, "inline_message_id")))
            return new Success(true);

        var chatId = RequireChatId(p);
        var messageId = Long(p, "message_id") ?? throw BadRequest("message identifier is not specified");
        lock (_gate)
        {
            var stored = EditableMessageLocked(chatId, messageId);
            var after = (JsonObject)stored.Json.DeepClone();
            after.Remove("edit_date");
            after.Remove("reply_markup");
            if (markup.Echo is not null)
                after["reply_markup"] = markup.Echo.DeepClone();
            var plain = after["text"]?.GetValue<string>() ?? "";
            return CommitEditLocked(chatId, messageId, stored, after, plain, null, plain, markup);
        }
    }

    private StoredMessage EditableMessageLocked(long chatId, long messageId)
    {
        if (!_messages.TryGetValue((chatId, messageId), out var stored))
            throw BadRequest("message to edit not found");
        if (stored.FromId != BotUserId)
            throw BadRequest("message can't be edited");
        return stored;
    }

    private Success CommitEditLocked(
        long chatId, long messageId, StoredMessage stored, JsonObject after, string text, string? parseMode, string plain, ParsedMarkup markup)
    {
        var before = (JsonObject)stored.Json.DeepClone();
        before.Remove("edit_date");
        if (JsonNode.DeepEquals(before, after))
            throw BadRequest(
                "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");

        var stamp = Stopwatch.GetTimestamp();
        stored.Json = after;
        after["edit_date"] = Now();
        _edited.Add(new SentMessage(chatId, messageId, text, parseMode, plain, markup.RawJson, DateTimeOffset.UtcNow, stamp)
        {
            InlineKeyboard = markup.Keyboard,
        });
        PulseRecordedLocked();
        return new Success(after.DeepClone());
    }

    /// <summary>text, entities and the echoed inline keyboard, replacing what the message had.</summary>
    private static void SetContent(JsonObject message, FormattedText formatted, ParsedMarkup markup)
    {
        message.Remove("edit_date");
        message.Remove("text");
        message.Remove("entities");
        message.Remove("reply_markup");
        message["text"] = formatted.Text;
        if (formatted.Entities.Count > 0)
            message["entities"] = formatted.EntitiesJson();
        if (markup.Echo is not null)
            message["reply_markup"] = markup.Echo.DeepClone();
    }

    private Success DeleteMessage(JsonObject p)
    {
        var chatId = RequireChatId(p);
        var messageId = Long(p, "message_id") ?? throw BadRequest("message identifier is not specified");
        lock (_gate)
        {
            if (!_messages.Remove((chatId, messageId)))
                throw BadRequest("message to delete not found");
            _deleted.Add((chatId, messageId));
            PulseRecordedLocked();
        }

        return new Success(true);
    }

    /// <summary>parse_mode applied, then Telegram's limits: 1–4096 UTF-16 code units of what remains.</summary>
    private static FormattedText ParseText(string text, string? parseMode)
    {
        FormattedText formatted;
        try
        {
            formatted = TelegramFormatting.Parse(text, parseMode);
        }
        catch (EntityParseException e)
        {
            throw BadRequest("can't parse entities: " + e.Message);
        }
        catch (UnsupportedParseModeException)
        {
            throw BadRequest("unsupported parse_mode");
        }

        if (formatted.Text.Length == 0)
            throw BadRequest("message text is empty");
        if (formatted.Text.Length > MaxMessageLength)
            throw BadRequest("message is too long");
        return formatted;
    }

    /// <summary>reply_markup: an inline keyboard is checked button by button and echoed in the Message;
    /// other keyboards (keyboard, remove_keyboard, force_reply) are accepted and, like Telegram, not echoed.</summary>
    private static ParsedMarkup ParseReplyMarkup(JsonObject p)
    {
        var node = Json(p, "reply_markup", "can't parse reply keyboard markup JSON object");
        if (node is null)
            return new ParsedMarkup(null, null, []);
        if (node is not JsonObject markup)
            throw BadRequest("can't parse reply keyboard markup JSON object");

        var raw = markup.ToJsonString(JsonOptions);
        if (markup["inline_keyboard"] is not { } keyboardNode)
        {
            if (markup["keyboard"] is null && markup["remove_keyboard"] is null && markup["force_reply"] is null)
                throw BadRequest("can't parse reply keyboard markup JSON object");
            return new ParsedMarkup(null, raw, []);
        }

        if (keyboardNode is not JsonArray rows)
            throw BadRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");

        var keyboard = new List<IReadOnlyList<InlineButton>>();
        foreach (var rowNode in rows)
        {
            if (rowNode is not JsonArray row)
                throw BadRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
            var buttons = new List<InlineButton>();
            foreach (var buttonNode in row)
            {
                if (buttonNode is not JsonObject button)
                    throw BadRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
                buttons.Add(ParseInlineButton(button));
            }

            keyboard.Add(buttons);
        }

        return new ParsedMarkup(new JsonObject { ["inline_keyboard"] = rows.DeepClone() }, raw, keyboard);
    }

    private static InlineButton ParseInlineButton(JsonObject button)
    {
        if (button["text"] is not JsonValue textValue || !textValue.TryGetValue<string>(out var text))
            throw BadRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
        if (string.IsNullOrWhiteSpace(text))
            throw BadRequest("BUTTON_TEXT_INVALID");

        string? callbackData = null;
        string? url = null;
        if (button["callback_data"] is { } dataNode)
        {
            callbackData = dataNode is JsonValue dv && dv.TryGetValue<string>(out var d) ? d : null;
            var bytes = callbackData is null ? 0 : Encoding.UTF8.GetByteCount(callbackData);
            if (bytes is < 1 or > 64)
                throw BadRequest("BUTTON_DATA_INVALID");
        }
        else if (button["url"] is { } urlNode)
        {
            url = urlNode is JsonValue uv && uv.TryGetValue<string>(out var u) ? u : null;
            if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "tg"))
                throw BadRequest("BUTTON_URL_INVALID");
        }
        else if (!InlineButtonActions.Any(action => button[action] is not null))
        {
            throw BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }

        return new InlineButton(text, callbackData, url);
    }

    /// <summary>Caller holds the lock. Counts accepted sendMessage calls per chat over the last second and minute.</summary>
    private void CheckFloodLocked(long chatId, long now)
    {
        if (_sendTimes.TryGetValue(chatId, out var times))
        {
            while (times.Count > 0 && now - times.Peek() >= 60 * Stopwatch.Frequency)
                times.Dequeue();
        }

        if (FloodLimit is not { } limit || times is null)
            return;

        var lastSecond = times.Count(t => now - t < Stopwatch.Frequency);
        if (lastSecond >= limit.PerChatPerSecond || (chatId < 0 && times.Count >= limit.PerGroupPerMinute))
            throw new ApiError(429, $"Too Many Requests: retry after {limit.RetryAfterSeconds}", limit.RetryAfterSeconds);
    }

    // ================================================================ chat actions and callbacks

    private Success SendChatAction(JsonObject p)
    {
        var chatId = RequireChatId(p);
        var action = Str(p, "action");
        if (action is null || !ChatActionNames.Contains(action))
            throw BadRequest("wrong parameter action in request");
        lock (_gate)
        {
            _chatActions.Add(chatId);
            PulseRecordedLocked();
        }

        return new Success(true);
    }

    private Success AnswerCallbackQuery(JsonObject p)
    {
        var id = Str(p, "callback_query_id") ?? "";
        var text = Str(p, "text");
        if (text is not null && text.Length > MaxCallbackAnswerLength)
            throw BadRequest("MESSAGE_TOO_LONG");

        lock (_gate)
        {
            if (!_callbacks.TryGetValue(id, out var query) || query.Answered)
                throw BadRequest("query is too old and response timeout expired or query ID is invalid");
            query.Answered = true;
            _answered.Add(new AnsweredCallback(
                id, text, Bool(p, "show_alert"), query.ChatId, query.UserId, query.MessageId, query.Data, DateTimeOffset.UtcNow, Stopwatch.GetTimestamp()));
            PulseRecordedLocked();
        }

        return new Success(true);
    }

    // ================================================================ commands

    private static string CommandsKey(JsonObject? scope, string? languageCode) =>
        $"{scope?["type"]?.ToString() ?? "default"}|{scope?["chat_id"]?.ToString()}|{scope?["user_id"]?.ToString()}|{languageCode ?? ""}";

    private static string CommandsKey(JsonObject p) =>
        CommandsKey(Json(p, "scope", "can't parse BotCommandScope JSON object") as JsonObject, Str(p, "language_code"));

    /// <summary>Checks as tdlib does (td/telegram/BotCommand.cpp): trimmed, a leading '/' dropped, 1–32 characters of
    /// [a-z0-9_], a 1–256 character description, at most 100 commands. An empty list clears them.</summary>
    private Success SetMyCommands(JsonObject p)
    {
        var node = Json(p, "commands", "can't parse commands JSON object") ?? throw BadRequest("parameter \"commands\" is required");
        if (node is not JsonArray array)
            throw BadRequest("field \"commands\" must be an Array");
        if (array.Count > 100)
            throw BadRequest("BOT_COMMANDS_TOO_MUCH");

        var commands = new List<(string, string)>();
        foreach (var item in array)
        {
            if (item is not JsonObject command
                || command["command"] is not JsonValue c || !c.TryGetValue<string>(out var name)
                || command["description"] is not JsonValue d || !d.TryGetValue<string>(out var description))
                throw BadRequest("can't parse BotCommand: fields \"command\" and \"description\" must be of type String");

            name = name.Trim();
            if (name.StartsWith('/'))
                name = name[1..];
            if (name.Length == 0)
                throw BadRequest("command must be non-empty");
            if (name.EnumerateRunes().Count() > 32)
                throw BadRequest("command length must not exceed 32");
            if (!CommandPattern().IsMatch(name))
                throw BadRequest("BOT_COMMAND_INVALID");

            description = description.Trim();
            if (description.Length == 0)
                throw BadRequest("command description must be non-empty");
            if (description.EnumerateRunes().Count() > 256)
                throw BadRequest("command description length must not exceed 256");
            commands.Add((name, description));
        }

        var key = CommandsKey(p);
        lock (_gate)
        {
            if (commands.Count == 0)
                _commands.Remove(key);
            else
                _commands[key] = commands;
        }

        return new Success(true);
    }

    private Success GetMyCommands(JsonObject p)
    {
        var key = CommandsKey(p);
        lock (_gate)
        {
            var list = _commands.GetValueOrDefault(key) ?? [];
            return new Success(new JsonArray([.. list.Select(c => (JsonNode)new JsonObject { ["command"] = c.Command, ["description"] = c.Description })]));
        }
    }

    private Success DeleteMyCommands(JsonObject p)
    {
        var key = CommandsKey(p);
        lock (_gate)
            _commands.Remove(key);
        return new Success(true);
    }

    // ================================================================ webhook

    private Success SetWebhook(JsonObject p)
    {
        var url = Str(p, "url") ?? "";
        if (url.Length == 0)
            return DeleteWebhook(Bool(p, "drop_pending_updates")); // Telegram: an empty URL removes the webhook

        // A local Bot API server accepts plain HTTP and any port, which is what tests point it at.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            throw BadRequest("invalid webhook URL specified");

        var secret = Str(p, "secret_token");
        if (string.IsNullOrEmpty(secret))
            secret = null;
        else if (secret.Length > 256)
            throw BadRequest("secret token is too long");
        else if (!SecretTokenPattern().IsMatch(secret))
            throw BadRequest("secret token contains unallowed characters");

        var maxConnections = (int)Math.Clamp(Long(p, "max_connections") ?? 40, 1, 100);
        var allowedUpdates = Json(p, "allowed_updates", "can't parse allowed updates JSON array") as JsonArray;

        lock (_gate)
        {
            var alreadySet = _webhookUrl == url && _webhookSecret == secret;
            if (Bool(p, "drop_pending_updates"))
            {
                _updateQueue.Clear();
                _webhookPending.Clear();
            }

            if (_webhookUrl is null)
            {
                // Updates not yet fetched now wait for webhook delivery instead.
                _webhookPending.AddRange(_updateQueue);
                _updateQueue.Clear();
            }

            _webhookUrl = url;
            _webhookSecret = secret;
            _webhookMaxConnections = maxConnections;
            _webhookAllowedUpdates = allowedUpdates is null ? null : (JsonArray)allowedUpdates.DeepClone();
            PulseUpdatesLocked(); // a waiting getUpdates now ends with 409
            return new Success(true, alreadySet ? "Webhook is already set" : "Webhook was set");
        }
    }

    private Success DeleteWebhook(bool dropPendingUpdates)
    {
        lock (_gate)
        {
            var wasSet = _webhookUrl is not null;
            if (wasSet)
            {
                // Undelivered updates become available to getUpdates again.
                foreach (var update in _webhookPending)
                {
                    var at = _updateQueue.FindLastIndex(u => UpdateId(u) < UpdateId(update)) + 1;
                    _updateQueue.Insert(at, update);
                }

                _webhookPending.Clear();
            }

            if (dropPendingUpdates)
                _updateQueue.Clear();
            _webhookUrl = null;
            _webhookSecret = null;
            _webhookAllowedUpdates = null;
            _webhookMaxConnections = 40;
            return new Success(true, wasSet ? "Webhook was deleted" : "Webhook is already deleted");
        }
    }

    private Success GetWebhookInfo()
    {
        lock (_gate)
        {
            var info = new JsonObject
            {
                ["url"] = _webhookUrl ?? "",
                ["has_custom_certificate"] = false,
                ["pending_update_count"] = _webhookUrl is null ? _updateQueue.Count : _webhookPending.Count,
            };
            if (_webhookUrl is not null)
            {
                info["max_connections"] = _webhookMaxConnections;
                if (_webhookAllowedUpdates is not null)
                    info["allowed_updates"] = _webhookAllowedUpdates.DeepClone();
            }

            return new Success(info);
        }
    }
}
