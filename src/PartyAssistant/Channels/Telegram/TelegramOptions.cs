namespace PartyAssistant.Channels.Telegram;

/// <summary>The Telegram bot (section "Telegram"). The token comes from TELEGRAM_BOT_TOKEN, Telegram__BotToken or user secrets.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>The token BotFather gives ("123456:ABC…"). Never in a committed file.</summary>
    public string BotToken { get; set; } = string.Empty;

    /// <summary>Bot API server. Empty: Telegram's own; set it for a self-hosted telegram-bot-api server.</summary>
    public string ApiBaseUrl { get; set; } = string.Empty;

    /// <summary>Public HTTPS base address of the web host, for webhook mode ("https://bot.example.vn"); empty: no webhook is set.</summary>
    public string WebhookUrl { get; set; } = string.Empty;

    /// <summary>Secret Telegram sends back in X-Telegram-Bot-Api-Secret-Token (1–256 of A–Z a–z 0–9 _ -). Required for webhooks.</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>Long-polling wait, in seconds (Telegram caps it at 50).</summary>
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>Questions one user may ask per minute before getting a polite wait message.</summary>
    public int QuestionsPerMinutePerUser { get; set; } = 6;

    /// <summary>Least seconds between two messages to one private chat (Telegram: about one a second).</summary>
    public double PrivateChatIntervalSeconds { get; set; } = 1.0;

    /// <summary>Least seconds between two messages to one group (Telegram: twenty a minute).</summary>
    public double GroupChatIntervalSeconds { get; set; } = 3.0;

    /// <summary>
    /// Times a message is retried after 429 Too Many Requests, waiting retry_after each time. High on
    /// purpose: a flood wait delays a reply but should not drop it.
    /// </summary>
    public int MaxRetries { get; set; } = 100;

    /// <summary>The token as configured, or from the TELEGRAM_BOT_TOKEN environment variable.</summary>
    public string ResolveToken() => string.IsNullOrWhiteSpace(this.BotToken)
        ? Environment.GetEnvironmentVariable("TELEGRAM_BOT_TOKEN") ?? string.Empty
        : this.BotToken.Trim();
}
