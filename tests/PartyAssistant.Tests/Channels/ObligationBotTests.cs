using PartyAssistant.Fakes;

namespace PartyAssistant.Tests.Channels;

/// <summary>/nghiavu in the bots: the checklist as plain text, each item with its label and "xem &lt;mã-đoạn&gt;".</summary>
public sealed class ObligationBotTests : BothBotFakes
{
    private const long User = 5151;

    [Fact]
    public async Task Telegram_registers_nghiavu_and_answers_with_the_checklist_and_the_roles()
    {
        using var bot = new TelegramTestBot(this.Telegram, this.DataPath);
        this.Telegram.PushMessage(User, User, "/nghiavu ban to chuc tinh uy");
        this.Telegram.PushMessage(User, User, "/nghiavu");
        this.Telegram.PushMessage(User, User, "/nghiavu thủ quỹ");

        using var stop = new CancellationTokenSource();
        var run = bot.Polling.RunAsync(stop.Token);
        await this.Telegram.WaitForMessagesAsync(3, TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await run;

        Assert.Contains(this.Telegram.Commands, c => c.Command == "nghiavu");
        var texts = this.Telegram.SentMessages.Select(m => m.PlainText).ToList();
        Assert.Contains("Nghĩa vụ của Ban Tổ chức Tỉnh uỷ", texts[0], StringComparison.Ordinal);
        Assert.Contains("Chủ trì phối hợp với các cơ quan chuyên trách", texts[0], StringComparison.Ordinal);
        Assert.Contains("Mục III, điểm 5 — xem kl-tu-nq03/III.5", texts[0], StringComparison.Ordinal);
        Assert.Contains("cuối năm 2022", texts[0], StringComparison.Ordinal);
        Assert.Contains("Bí thư chi bộ (bi-thu-chi-bo): 1 mục", texts[1], StringComparison.Ordinal);
        Assert.Contains("/nghiavu", texts[1], StringComparison.Ordinal);
        Assert.Contains("Không nhận ra vai trò", texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zalo_sends_the_checklist_in_parts_under_the_limit_with_the_summary_mark()
    {
        using var host = new ZaloTestHost(this.DataPath, null, this.Zalo.BaseUrl);
        this.Zalo.PushText("chat-1", "user-1", "/nghiavu dv dang cong tac");

        using var stop = new CancellationTokenSource();
        var run = host.Bot.RunAsync(stop.Token);
        await this.Zalo.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));
        await Task.Delay(300);
        await stop.CancelAsync();
        await run;

        var all = string.Join("\n\n", this.Zalo.SentMessages.Select(m => m.Text));
        Assert.All(this.Zalo.SentMessages, m => Assert.InRange(m.Text.Length, 1, 2000));
        Assert.Contains("Nghĩa vụ của Đảng viên đang công tác", all, StringComparison.Ordinal);
        Assert.Contains("xem qd-213/dieu-2.2", all, StringComparison.Ordinal);
        Assert.Contains("theo bản tóm tắt, không phải nguyên văn", all, StringComparison.Ordinal);
    }
}
