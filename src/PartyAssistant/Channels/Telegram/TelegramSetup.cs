using Telegram.Bot;
using Telegram.Bot.Types;

namespace PartyAssistant.Channels.Telegram;

/// <summary>What the bot tells Telegram at start: its commands, and in webhook mode where to send updates.</summary>
public static class TelegramSetup
{
    public const string WebhookPath = "/webhooks/telegram";

    public static Task RegisterCommandsAsync(ITelegramBotClient bot, CancellationToken cancellationToken) =>
        bot.SetMyCommands(ChatCommands.All.Select(c => new BotCommand { Command = c.Command, Description = c.Description }), cancellationToken: cancellationToken);

    public static Task SetWebhookAsync(ITelegramBotClient bot, TelegramOptions options, CancellationToken cancellationToken) =>
        bot.SetWebhook(options.WebhookUrl.TrimEnd('/') + WebhookPath, secretToken: options.WebhookSecret, cancellationToken: cancellationToken);

    /// <summary>Telegram accepts 1–256 characters of A–Z, a–z, 0–9, _ and -.</summary>
    public static bool IsValidSecret(string secret) =>
        secret.Length is >= 1 and <= 256 && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
