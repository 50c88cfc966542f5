using PartyAssistant.Fakes;
using Telegram.Bot;

namespace PartyAssistant.Tests.Channels;

/// <summary>The Telegram bot end to end: Telegram.Bot's real client against a fake Bot API server on 127.0.0.1.</summary>
public sealed class TelegramBotTests : IAsyncLifetime
{
    private const long User = 4242;
    private readonly TempDirectory data = new();
    private FakeTelegramServer server = null!;

    public async Task InitializeAsync() => this.server = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync()
    {
        await this.server.DisposeAsync();
        this.data.Dispose();
    }

    private TelegramBotClient Client() => new(new TelegramBotClientOptions(this.server.Token, this.server.BaseUrl.ToString()));

    [Fact]
    public async Task A_private_question_is_answered_with_citations_and_buttons()
    {
        using var bot = new TelegramTestBot(this.server, this.data.Path);
        this.server.PushMessage(User, User, "Đến năm 2025 tỷ lệ bí thư chi bộ đồng thời là trưởng ấp không quá 40 tuổi phải đạt bao nhiêu?");

        await bot.DrainAsync();

        var sent = Assert.Single(this.server.SentMessages);
        Assert.Equal("html", sent.ParseMode, ignoreCase: true);
        Assert.Contains("50%", sent.PlainText, StringComparison.Ordinal);
        Assert.Contains("[1]", sent.PlainText, StringComparison.Ordinal);
        Assert.Contains("Nguồn:", sent.PlainText, StringComparison.Ordinal);
        Assert.Contains(sent.CallbackData, d => d.StartsWith("p:", StringComparison.Ordinal));
        Assert.Contains(sent.CallbackData, d => d.StartsWith("d:", StringComparison.Ordinal));
        Assert.Contains(sent.CallbackData, d => d.StartsWith("f:", StringComparison.Ordinal));
        Assert.Contains(User, this.server.ChatActions);
    }

    [Fact]
    public async Task A_question_to_the_bot_is_logged_for_the_office_under_a_salted_hash_of_the_user()
    {
        using var bot = new TelegramTestBot(this.server, this.data.Path);
        this.server.PushMessage(User, User, "Đến năm 2025 tỷ lệ bí thư chi bộ đồng thời là trưởng ấp không quá 40 tuổi phải đạt bao nhiêu?");
        this.server.PushMessage(User, User, "Quy định về nuôi cá cảnh trong trụ sở đảng uỷ?");

        await bot.DrainAsync();

        var logged = await bot.Office.QuestionsAsync(CancellationToken.None);
        Assert.Equal(2, logged.Count);
        Assert.All(logged, q => Assert.Equal("telegram", q.Channel));
        Assert.All(logged, q => Assert.DoesNotContain(User.ToString(System.Globalization.CultureInfo.InvariantCulture), q.UserHash, StringComparison.Ordinal));
        Assert.Single(logged.Select(q => q.UserHash).Distinct());
        Assert.Equal("answer", logged.Single(q => q.Question.StartsWith("Đến năm 2025", StringComparison.Ordinal)).Outcome);
        Assert.Contains("kl-tu-nq03/", logged.Single(q => q.Question.StartsWith("Đến năm 2025", StringComparison.Ordinal)).CitedPassages, StringComparison.Ordinal);
        Assert.NotEqual("answer", logged.Single(q => q.Question.StartsWith("Quy định", StringComparison.Ordinal)).Outcome);
    }

    [Fact]
    public async Task Buttons_show_the_passage_store_feedback_and_are_always_answered()
    {
        using var bot = new TelegramTestBot(this.server, this.data.Path);
        this.server.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");
        await bot.DrainAsync();
        var answer = Assert.Single(this.server.SentMessages);

        this.server.PushCallback(User, User, answer.MessageId, answer.CallbackData.First(d => d.StartsWith("p:", StringComparison.Ordinal)));
        this.server.PushCallback(User, User, answer.MessageId, answer.CallbackData.First(d => d.StartsWith("f:", StringComparison.Ordinal)));
        this.server.PushCallback(User, User, answer.MessageId, "p:999999:1");
        await bot.DrainAsync();

        Assert.Equal(3, this.server.AnsweredCallbacks.Count);
        Assert.Empty(this.server.UnansweredCallbackQueryIds);
        Assert.Contains(this.server.SentMessages, m => m.PlainText.Contains("tiếp dân định kỳ theo quy định", StringComparison.Ordinal) && m.PlainText.Contains("kl-tu-nq03/II.3.1", StringComparison.Ordinal));
        var vote = Assert.Single(await bot.Answers.FeedbackAsync(CancellationToken.None));
        Assert.Equal(1, vote.Vote);
        Assert.Contains(this.server.AnsweredCallbacks, c => c.Text == "Câu trả lời này không còn được lưu.");
    }

    [Fact]
    public async Task In_a_group_only_messages_addressed_to_the_bot_are_answered()
    {
        using var bot = new TelegramTestBot(this.server, this.data.Path);
        const long group = -100500;
        this.server.PushMessage(group, User, "Các đồng chí nhớ họp chi bộ tối nay nhé", chatType: "supergroup");
        this.server.PushMessage(group, User, "/hoi@OtherBot tiếp dân định kỳ", chatType: "supergroup");
        this.server.PushMessage(group, User, "/hoi@party_assistant_bot Cấp ủy có phải tiếp dân định kỳ không?", chatType: "supergroup");
        this.server.PushMessage(group, User, "@party_assistant_bot tỷ lệ bí thư chi bộ trẻ năm 2025", chatType: "supergroup");

        await bot.DrainAsync();

        Assert.Equal(2, this.server.SentMessages.Count);
        Assert.All(this.server.SentMessages, m => Assert.NotNull(m.ReplyToMessageId));
        Assert.Contains(this.server.SentMessages, m => m.PlainText.Contains("tiếp dân định kỳ", StringComparison.Ordinal));
        Assert.Contains(this.server.SentMessages, m => m.PlainText.Contains("50%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Commands_are_registered_and_answered()
    {
        using var bot = new TelegramTestBot(this.server, this.data.Path);
        this.server.PushMessage(User, User, "/start");
        this.server.PushMessage(User, User, "/vanban");
        this.server.PushMessage(User, User, "/xem kl-tu-nq03/II.3.4");
        this.server.PushMessage(User, User, "/moi");

        using var stop = new CancellationTokenSource();
        var run = bot.Polling.RunAsync(stop.Token);
        await this.server.WaitForMessagesAsync(4, TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await run;

        Assert.Contains(this.server.Commands, c => c.Command == "hoi");
        Assert.Equal(PartyAssistant.Channels.ChatCommands.All.Count, this.server.Commands.Count);
        Assert.Contains(this.server.Commands, c => c.Command == "quiz");
        Assert.Contains(this.server.Commands, c => c.Command == "nghiavu");
        var texts = this.server.SentMessages.Select(m => m.PlainText).ToList();
        Assert.Contains("Câu hỏi mẫu", texts[0], StringComparison.Ordinal);
        Assert.Contains("Quy định 213-QĐ/TW — bản tóm tắt", texts[1], StringComparison.Ordinal);
        Assert.Contains("Rà soát, điều chỉnh hợp lý chính sách hỗ trợ", texts[2], StringComparison.Ordinal);
        Assert.Contains("cuộc trò chuyện mới", texts[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_resumes_without_losing_or_repeating_an_update()
    {
        using (var first = new TelegramTestBot(this.server, this.data.Path))
        {
            this.server.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");
            this.server.PushMessage(User + 1, User + 1, "tỷ lệ bí thư chi bộ trẻ năm 2025");
            await first.DrainAsync();
        }

        Assert.Equal(2, this.server.SentMessages.Count);
        this.server.PushMessage(User, User, "Quy hoạch cán bộ cơ sở cần quan tâm những đối tượng nào?");
        using (var second = new TelegramTestBot(this.server, this.data.Path))
        {
            await second.DrainAsync();
        }

        Assert.Equal(3, this.server.SentMessages.Count);
        Assert.Contains("cán bộ nữ, cán bộ trẻ", this.server.SentMessages[2].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_handled_before_a_crash_are_not_answered_again()
    {
        using (var crashed = new TelegramTestBot(this.server, this.data.Path))
        {
            this.server.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");

            // Handled, then the process dies before the offset is saved: Telegram will send it again.
            var updates = await Client().GetUpdates();
            await crashed.HandleAsync(updates);
        }

        Assert.Single(this.server.SentMessages);
        using (var restarted = new TelegramTestBot(this.server, this.data.Path))
        {
            await restarted.DrainAsync();
        }

        Assert.Single(this.server.SentMessages);
    }

    [Fact]
    public async Task A_429_storm_delays_replies_but_drops_none()
    {
        using var bot = new TelegramTestBot(this.server, this.data.Path);
        this.server.FailNext("sendMessage", 2, 429, "Too Many Requests: retry after 1", retryAfter: 1);
        this.server.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");
        this.server.PushMessage(User + 1, User + 1, "tỷ lệ bí thư chi bộ trẻ năm 2025");

        await bot.DrainAsync();

        Assert.Equal(2, this.server.SentMessages.Count);
        Assert.Equal(2, this.server.FailedCalls.Count(f => f.ErrorCode == 429));
    }

    [Fact]
    public async Task Polling_while_a_webhook_is_set_backs_off_instead_of_failing()
    {
        using var bot = new TelegramTestBot(this.server, this.data.Path);
        await Client().SetWebhook("https://example.invalid/webhooks/telegram", secretToken: "abc12345");

        var error = await Assert.ThrowsAsync<Telegram.Bot.Exceptions.ApiRequestException>(() => bot.Polling.PollOnceAsync(CancellationToken.None));
        Assert.Equal(409, error.ErrorCode);
    }

    [Fact]
    public async Task A_long_answer_arrives_in_parts_under_the_limit()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        var paragraph = "Đây là một đoạn giải thích dài về sinh hoạt chi bộ và trách nhiệm của đảng viên ở nơi cư trú [1].";
        model.Responder = _ => FakeReply.Text(string.Join("\n\n", Enumerable.Repeat(paragraph, 70)));
        using var bot = new TelegramTestBot(this.server, this.data.Path, new Dictionary<string, string?>
        {
            ["Model:Provider"] = "openai",
            ["Model:Endpoint"] = model.BaseUrl.ToString(),
            ["Model:Model"] = "test-model",
            ["Model:ApiKey"] = "k",
        });
        this.server.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");

        await bot.DrainAsync();

        Assert.True(this.server.SentMessages.Count >= 2, $"{this.server.SentMessages.Count} parts");
        Assert.All(this.server.SentMessages, m => Assert.InRange(m.PlainText.Length, 1, 4096));
        Assert.Empty(this.server.FailedCalls);
        Assert.Empty(this.server.SentMessages[0].CallbackData);
        Assert.NotEmpty(this.server.SentMessages[^1].CallbackData);
    }

    [Fact]
    public async Task A_user_asking_too_fast_is_asked_to_wait()
    {
        using var bot = new TelegramTestBot(this.server, this.data.Path, new Dictionary<string, string?> { ["Telegram:QuestionsPerMinutePerUser"] = "2" });
        for (var i = 0; i < 3; i++)
        {
            this.server.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");
        }

        await bot.DrainAsync();

        Assert.Equal(3, this.server.SentMessages.Count);
        Assert.Contains("đợi một chút", this.server.SentMessages[2].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_bot_keeps_going()
    {
        using var bot = new TelegramTestBot(this.server, this.data.Path);
        this.server.FailNext("sendMessage", 1, 500, "Internal Server Error");
        this.server.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");
        this.server.PushMessage(User + 1, User + 1, "tỷ lệ bí thư chi bộ trẻ năm 2025");

        await bot.DrainAsync();

        Assert.Contains(this.server.FailedCalls, f => f.ErrorCode == 500);
        Assert.Contains(this.server.SentMessages, m => m.PlainText.Contains("50%", StringComparison.Ordinal));
        Assert.Contains(this.server.SentMessages, m => m.PlainText.Contains("tiếp dân định kỳ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_token_stops_polling_with_a_clear_message()
    {
        using var bot = new TelegramTestBot(this.server, this.data.Path, new Dictionary<string, string?> { ["Telegram:BotToken"] = "654321:WRONG" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bot.Polling.RunAsync(CancellationToken.None));
        Assert.Contains("TELEGRAM_BOT_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_confirmed_to_telegram_but_not_yet_handled_survive_a_crash()
    {
        using (var crashed = new TelegramTestBot(this.server, this.data.Path))
        {
            this.server.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");

            // Fetched, kept in the inbox and confirmed to Telegram; then the process dies before handling it.
            Assert.Single(await crashed.Polling.FetchAsync(CancellationToken.None));
        }

        Assert.Empty(this.server.SentMessages);
        using (var restarted = new TelegramTestBot(this.server, this.data.Path))
        {
            await restarted.DrainAsync();
        }

        // Answered once: from the inbox, and not again from Telegram (the saved offset confirmed it there).
        var sent = Assert.Single(this.server.SentMessages);
        Assert.Contains("tiếp dân định kỳ", sent.PlainText, StringComparison.Ordinal);
        Assert.Equal(0, this.server.PendingUpdateCount);
    }
}
