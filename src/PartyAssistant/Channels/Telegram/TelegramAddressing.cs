using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace PartyAssistant.Channels.Telegram;

/// <summary>What a message asks of the bot: a command and its argument, and whether it is addressed to this bot.</summary>
public sealed record TelegramRequest(string? Command, string Argument, bool Addressed)
{
}

public static class TelegramAddressing
{
    /// <summary>Null when the message is a command for another bot ("/hoi@OtherBot").</summary>
    public static TelegramRequest? Read(Message message, string text, long botId, string botUsername)
    {
        var trimmed = text.Trim();
        var repliesToBot = message.ReplyToMessage?.From?.Id == botId;
        if (trimmed.StartsWith('/'))
        {
            var end = trimmed.IndexOfAny([' ', '\n']);
            var token = end < 0 ? trimmed[1..] : trimmed[1..end];
            var argument = end < 0 ? string.Empty : trimmed[(end + 1)..].Trim();
            var at = token.IndexOf('@', StringComparison.Ordinal);
            if (at >= 0)
            {
                if (!string.Equals(token[(at + 1)..], botUsername, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                token = token[..at];
            }

            return new TelegramRequest(token.ToLowerInvariant(), argument, true);
        }

        var mention = $"@{botUsername}";
        var mentioned = botUsername.Length > 0 && (message.Entities ?? []).Any(e =>
            e.Type == MessageEntityType.Mention && e.Offset + e.Length <= text.Length &&
            string.Equals(text.Substring(e.Offset, e.Length), mention, StringComparison.OrdinalIgnoreCase));
        mentioned |= botUsername.Length > 0 && trimmed.Contains(mention, StringComparison.OrdinalIgnoreCase);
        var question = mentioned ? trimmed.Replace(mention, " ", StringComparison.OrdinalIgnoreCase).Trim() : trimmed;
        return new TelegramRequest(null, question, mentioned || repliesToBot);
    }
}
