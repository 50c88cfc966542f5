using System.Text.Json.Nodes;

namespace PartyAssistant.Fakes;

// What users do: messages and button presses become updates, queued for getUpdates or, while a webhook is set,
// kept for DeliverToWebhookAsync.
public sealed partial class FakeTelegramServer
{
    private sealed class ChatInfo(string type, string? title)
    {
        public string Type { get; set; } = type;
        public string? Title { get; set; } = title;
        public long? PrivateUserId { get; init; }
    }

    private sealed record UserInfo(string FirstName, string? Username);

    /// <summary>A message the fake knows about: its JSON as Telegram would return it, and who sent it.</summary>
    private sealed class StoredMessage(JsonObject json, long fromId)
    {
        public JsonObject Json { get; set; } = json;
        public long FromId { get; } = fromId;
    }

    private sealed class CallbackInfo(long chatId, long userId, long messageId, string? data)
    {
        public long ChatId { get; } = chatId;
        public long UserId { get; } = userId;
        public long MessageId { get; } = messageId;
        public string? Data { get; } = data;
        public bool Answered { get; set; }
    }

    /// <summary>
    /// A user's text message. Adds a bot_command entity when the text starts with a command, a mention entity per
    /// @username, and, with <paramref name="replyToMessageFromUserId"/>, a reply_to_message from that user (the bot's
    /// latest message in the chat when it is <see cref="BotUserId"/>). Returns the update_id.
    /// </summary>
    public long PushMessage(
        long chatId,
        long userId,
        string text,
        string chatType = "private",
        string? chatTitle = null,
        long? replyToMessageFromUserId = null,
        string? firstName = "Nguyễn",
        string? username = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (chatType is not ("private" or "group" or "supergroup" or "channel"))
            throw new ArgumentOutOfRangeException(nameof(chatType), chatType, "Telegram chat types are private, group, supergroup and channel.");

        lock (_gate)
        {
            _users[userId] = new UserInfo(string.IsNullOrEmpty(firstName) ? "User" : firstName, username);
            if (chatType == "private")
                _chats[chatId] = new ChatInfo("private", null) { PrivateUserId = userId };
            else if (!_chats.TryGetValue(chatId, out var chat))
                _chats[chatId] = new ChatInfo(chatType, chatTitle ?? "Nhóm thử nghiệm");
            else
            {
                chat.Type = chatType;
                chat.Title = chatTitle ?? chat.Title ?? "Nhóm thử nghiệm";
            }

            var messageId = NextMessageIdLocked(chatId);
            var message = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = UserJsonLocked(userId),
                ["chat"] = ChatJsonLocked(chatId),
                ["date"] = Now(),
            };
            if (replyToMessageFromUserId is { } repliedUser)
                message["reply_to_message"] = ReplyTargetLocked(chatId, repliedUser, messageId);
            message["text"] = text;
            var entities = InboundEntities(text);
            if (entities.Count > 0)
                message["entities"] = entities;

            StoreMessageLocked(chatId, messageId, userId, message);
            return EnqueueUpdateLocked(new JsonObject { ["message"] = message.DeepClone() }, null);
        }
    }

    /// <summary>A press on an inline button of message <paramref name="messageId"/>. Returns the update_id; the
    /// callback query's id is in <see cref="GetUpdate"/>(id)["callback_query"]["id"] and in <see cref="UnansweredCallbackQueryIds"/>.</summary>
    public long PushCallback(long chatId, long userId, long messageId, string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        lock (_gate)
        {
            if (!_users.ContainsKey(userId))
                _users[userId] = new UserInfo("Nguyễn", null);
            EnsureChatLocked(chatId, userId);

            JsonObject message;
            if (_messages.TryGetValue((chatId, messageId), out var stored))
            {
                message = (JsonObject)stored.Json.DeepClone();
                message.Remove("reply_to_message");
            }
            else
            {
                message = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["from"] = UserJsonLocked(BotUserId),
                    ["chat"] = ChatJsonLocked(chatId),
                    ["date"] = Now(),
                    ["text"] = "",
                };
            }

            // Real ids are 64-bit numbers written as strings; chat_instance is stable per chat.
            var id = (4_000_000_000_000_000_000L + ++_callbackCounter * 7919).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _callbacks[id] = new CallbackInfo(chatId, userId, messageId, data);
            var query = new JsonObject
            {
                ["id"] = id,
                ["from"] = UserJsonLocked(userId),
                ["message"] = message,
                ["chat_instance"] = (chatId ^ 0x5DEECE66DL).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["data"] = data,
            };
            return EnqueueUpdateLocked(new JsonObject { ["callback_query"] = query }, null);
        }
    }

    /// <summary>Any update, as given. Without update_id it gets the next one; messages and callback queries in it become
    /// known to the fake (so the bot can reply to or answer them). Returns the update_id.</summary>
    public long PushRawUpdate(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            var body = (JsonObject)update.DeepClone();
            var explicitId = Long(body["update_id"]);
            body.Remove("update_id");

            foreach (var key in new[] { "message", "edited_message", "channel_post", "edited_channel_post" })
            {
                if (body[key] is JsonObject message && Long(message["chat"]?["id"]) is { } chatId && Long(message["message_id"]) is { } messageId)
                {
                    if (message["chat"]?["type"]?.GetValue<string>() is { } type && !_chats.ContainsKey(chatId))
                        _chats[chatId] = new ChatInfo(type, message["chat"]?["title"]?.GetValue<string>());
                    _lastMessageId[chatId] = Math.Max(_lastMessageId.GetValueOrDefault(chatId), messageId);
                    StoreMessageLocked(chatId, messageId, Long(message["from"]?["id"]) ?? 0, (JsonObject)message.DeepClone());
                }
            }

            if (body["callback_query"] is JsonObject query && query["id"]?.GetValue<string>() is { } queryId)
            {
                var message = query["message"];
                _callbacks[queryId] = new CallbackInfo(
                    Long(message?["chat"]?["id"]) ?? 0,
                    Long(query["from"]?["id"]) ?? 0,
                    Long(message?["message_id"]) ?? 0,
                    query["data"]?.GetValue<string>());
            }

            return EnqueueUpdateLocked(body, explicitId);
        }
    }

    /// <summary>
    /// POSTs update <paramref name="updateId"/> to <paramref name="url"/> the way Telegram delivers webhooks (JSON body,
    /// X-Telegram-Bot-Api-Secret-Token when <paramref name="secretHeader"/> is not null). A 2xx answer removes it from
    /// <see cref="PendingWebhookUpdateIds"/>; any update ever pushed can be delivered again, to test duplicate handling.
    /// </summary>
    public async Task<HttpResponseMessage> DeliverToWebhookAsync(Uri url, long updateId, string? secretHeader, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        string json;
        lock (_gate)
        {
            if (!_allUpdates.TryGetValue(updateId, out var update))
                throw new InvalidOperationException($"No update {updateId} was pushed to the fake Telegram server.");
            json = update.ToJsonString(JsonOptions);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (secretHeader is not null)
            request.Headers.TryAddWithoutValidation("X-Telegram-Bot-Api-Secret-Token", secretHeader);

        var response = await _webhookClient.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            lock (_gate)
                _webhookPending.RemoveAll(u => UpdateId(u) == updateId);
        }

        return response;
    }

    private long EnqueueUpdateLocked(JsonObject body, long? explicitId)
    {
        var id = explicitId ?? _nextUpdateId;
        _nextUpdateId = Math.Max(_nextUpdateId, id + 1);
        var update = new JsonObject { ["update_id"] = id };
        foreach (var (key, value) in body)
            update[key] = value?.DeepClone();

        _allUpdates[id] = update;
        var target = _webhookUrl is null ? _updateQueue : _webhookPending;
        var at = target.FindLastIndex(u => UpdateId(u) < id) + 1; // kept in update_id order even for raw updates
        target.Insert(at, update);
        PulseUpdatesLocked();
        return id;
    }

    private long NextMessageIdLocked(long chatId)
    {
        var next = _lastMessageId.GetValueOrDefault(chatId) + 1;
        _lastMessageId[chatId] = next;
        return next;
    }

    private void StoreMessageLocked(long chatId, long messageId, long fromId, JsonObject json)
    {
        _messages[(chatId, messageId)] = new StoredMessage(json, fromId);
        _lastMessageBy[(chatId, fromId)] = messageId;
    }

    /// <summary>Chats the fake never saw get a plausible type from the id: positive = private, -100… = supergroup, else group.</summary>
    private void EnsureChatLocked(long chatId, long? userId = null)
    {
        if (_chats.ContainsKey(chatId))
            return;
        _chats[chatId] = chatId > 0
            ? new ChatInfo("private", null) { PrivateUserId = userId ?? chatId }
            : new ChatInfo(chatId <= -1_000_000_000_000 ? "supergroup" : "group", "Nhóm thử nghiệm");
    }

    private JsonObject UserJsonLocked(long userId)
    {
        if (userId == BotUserId)
            return new JsonObject { ["id"] = BotUserId, ["is_bot"] = true, ["first_name"] = BotFirstName, ["username"] = BotUsername };

        var user = _users.GetValueOrDefault(userId) ?? new UserInfo("User", null);
        var json = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = user.FirstName };
        if (user.Username is not null)
            json["username"] = user.Username;
        return json;
    }

    private JsonObject ChatJsonLocked(long chatId)
    {
        EnsureChatLocked(chatId);
        var chat = _chats[chatId];
        var json = new JsonObject { ["id"] = chatId };
        if (chat.Type == "private")
        {
            var user = _users.GetValueOrDefault(chat.PrivateUserId ?? chatId);
            if (user is not null)
            {
                json["first_name"] = user.FirstName;
                if (user.Username is not null)
                    json["username"] = user.Username;
            }
        }
        else if (chat.Title is not null)
        {
            json["title"] = chat.Title;
        }

        json["type"] = chat.Type;
        return json;
    }

    /// <summary>The message a pushed reply points at: that user's latest message in the chat, or a stand-in if there is none.</summary>
    private JsonObject ReplyTargetLocked(long chatId, long fromUserId, long newMessageId)
    {
        if (_lastMessageBy.TryGetValue((chatId, fromUserId), out var id) && _messages.TryGetValue((chatId, id), out var stored))
        {
            var copy = (JsonObject)stored.Json.DeepClone();
            copy.Remove("reply_to_message"); // Telegram never nests replies
            return copy;
        }

        return new JsonObject
        {
            ["message_id"] = Math.Max(1, newMessageId - 1),
            ["from"] = UserJsonLocked(fromUserId),
            ["chat"] = ChatJsonLocked(chatId),
            ["date"] = Now() - 60,
            ["text"] = "…",
        };
    }

    private static JsonArray InboundEntities(string text)
    {
        var entities = new JsonArray();
        var command = BotCommandPattern().Match(text);
        if (command.Success)
            entities.Add(new JsonObject { ["offset"] = 0, ["length"] = command.Length, ["type"] = "bot_command" });
        foreach (System.Text.RegularExpressions.Match mention in MentionPattern().Matches(text))
            entities.Add(new JsonObject { ["offset"] = mention.Index, ["length"] = mention.Length, ["type"] = "mention" });
        return entities;
    }
}
