using Telegram.Bot;

namespace PartyAssistant.Channels.Telegram;

/// <summary>Who the bot is (from getMe, asked once): needed to tell which group messages are addressed to it.</summary>
public sealed class TelegramBotIdentity(ITelegramBotClient bot)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (long Id, string Username)? known;

    public async Task<(long Id, string Username)> GetAsync(CancellationToken cancellationToken)
    {
        if (this.known is { } me)
        {
            return me;
        }

        await this.gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (this.known is null)
            {
                var user = await bot.GetMe(cancellationToken).ConfigureAwait(false);
                this.known = (user.Id, user.Username ?? string.Empty);
            }

            return this.known.Value;
        }
        finally
        {
            this.gate.Release();
        }
    }
}
