using System.Text;
using PartyAssistant.Channels;
using PartyAssistant.Fakes;
using PartyAssistant.Quizzes;

namespace PartyAssistant.Tests.Channels;

/// <summary>/quiz through the bots: Telegram with answer buttons (fake Bot API), Zalo Bot with typed answers.</summary>
public sealed class QuizBotTests : BothBotFakes
{
    private const long User = 4242;

    [Fact]
    public async Task Telegram_quiz_asks_five_questions_with_buttons_counts_a_double_press_once_and_survives_a_restart()
    {
        var bot = new TelegramTestBot(this.Telegram, this.DataPath);
        try
        {
            this.Telegram.PushMessage(User, User, "/quiz");
            await bot.DrainAsync();
            Assert.Contains("Bài ôn tập 5 câu về Kết luận Tỉnh uỷ về tiếp tục thực hiện Nghị quyết 03-NQ/TU", this.Telegram.SentMessages[0].PlainText, StringComparison.Ordinal);

            var session = (await bot.QuizSessions.GetAsync("telegram", User.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None))!;
            Assert.Equal("kl-tu-nq03", session.DocumentId);
            Assert.Equal(5, session.Items.Count);
            Assert.All(session.Items, i => Assert.NotEqual(QuizItemType.FillBlank, i.Type));
            for (var index = 0; index < 5; index++)
            {
                var question = this.Telegram.SentMessages.Last(m => m.PlainText.StartsWith("Câu ", StringComparison.Ordinal));
                Assert.StartsWith($"Câu {index + 1}/5.", question.PlainText, StringComparison.Ordinal);
                var item = session.Items[index];
                Assert.Equal(item.Choices.Count, question.CallbackData.Count);
                Assert.All(question.CallbackData, d => Assert.InRange(Encoding.UTF8.GetByteCount(d), 1, 64));

                // Right answers except the last; the first answer is pressed twice.
                var choice = index < 4 ? item.AnswerIndex : (item.AnswerIndex + 1) % item.Choices.Count;
                var data = question.CallbackData[choice];
                this.Telegram.PushCallback(User, User, question.MessageId, data);
                if (index == 0)
                {
                    this.Telegram.PushCallback(User, User, question.MessageId, data);
                }

                await bot.DrainAsync();
                var result = this.Telegram.SentMessages[^2].PlainText;
                Assert.StartsWith(index < 4 ? "Đúng!" : "Chưa đúng — đáp án: ", result, StringComparison.Ordinal);
                Assert.Contains($"{item.Label} ({item.PassageId}):", result, StringComparison.Ordinal);
                Assert.Contains($"“{item.Quote}”", result, StringComparison.Ordinal);

                if (index == 1)
                {
                    // A plain question in the middle is answered as usual, and the quiz goes on after a restart.
                    this.Telegram.PushMessage(User, User, "Cấp ủy có phải tiếp dân định kỳ không?");
                    await bot.DrainAsync();
                    Assert.Contains("tiếp dân định kỳ", this.Telegram.SentMessages[^1].PlainText, StringComparison.Ordinal);
                    Assert.Contains(this.Telegram.SentMessages[^1].CallbackData, d => d.StartsWith("f:", StringComparison.Ordinal));
                    bot.Dispose();
                    bot = new TelegramTestBot(this.Telegram, this.DataPath);
                }
            }

            Assert.Equal("Kết quả: 4/5 — Kết luận Tỉnh uỷ về tiếp tục thực hiện Nghị quyết 03-NQ/TU (mã kl-tu-nq03). Gõ /quiz để làm bài mới, hoặc /quiz mã-văn-bản (xem /vanban) để ôn văn bản khác.", this.Telegram.SentMessages[^1].PlainText);

            // An old button after the end changes nothing, and is still answered.
            var sent = this.Telegram.SentMessages.Count;
            this.Telegram.PushCallback(User, User, 1, new QuizButton(session.Id, 0, 0).Format());
            await bot.DrainAsync();
            Assert.Equal(sent, this.Telegram.SentMessages.Count);
            Assert.Empty(this.Telegram.UnansweredCallbackQueryIds);
            Assert.Equal(2, this.Telegram.AnsweredCallbacks.Count(c => c.Text == ChatQuiz.Stale));
            Assert.Equal(7, this.Telegram.AnsweredCallbacks.Count);
        }
        finally
        {
            bot.Dispose();
        }
    }

    [Fact]
    public async Task Zalo_quiz_takes_typed_answers_and_ends_with_the_score()
    {
        using var host = new ZaloTestHost(this.DataPath, null, this.Zalo.BaseUrl);
        using var stop = new CancellationTokenSource();
        var run = host.Bot.RunAsync(stop.Token);
        try
        {
            this.Zalo.PushText("chat-q", "user-q", "/quiz kl-tu-nq03");
            await this.Zalo.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
            var session = (await host.QuizSessions.GetAsync("zalo-bot", "chat-q", CancellationToken.None))!;
            var expected = 2;
            for (var index = 0; index < 5; index++)
            {
                var item = session.Items[index];
                var question = this.Zalo.SentMessages[^1].Text;
                Assert.StartsWith($"Câu {index + 1}/5.", question, StringComparison.Ordinal);
                Assert.EndsWith(item.Type == QuizItemType.TrueFalse ? "Trả lời Đúng hoặc Sai." : "Trả lời A, B, C hoặc D.", question, StringComparison.Ordinal);

                // Right answers except the second, typed the ways people type them.
                var right = index != 1;
                var reply = item.Type == QuizItemType.TrueFalse
                    ? ((item.Answer == QuizItem.True) == right ? "đúng" : "Sai")
                    : QuizItem.Letter(right ? item.AnswerIndex : (item.AnswerIndex + 1) % 4).ToLowerInvariant() + ".";
                this.Zalo.PushText("chat-q", "user-q", reply);
                expected += 2;
                await this.Zalo.WaitForMessagesAsync(expected, TimeSpan.FromSeconds(20));
                var result = this.Zalo.SentMessages[^2].Text;
                Assert.StartsWith(right ? "Đúng!" : "Chưa đúng — đáp án: ", result, StringComparison.Ordinal);
                Assert.Contains(item.PassageId, result, StringComparison.Ordinal);
            }

            Assert.StartsWith("Kết quả: 4/5 — Kết luận Tỉnh uỷ về tiếp tục thực hiện Nghị quyết 03-NQ/TU (mã kl-tu-nq03).", this.Zalo.SentMessages[^1].Text, StringComparison.Ordinal);

            // A document the corpus lacks gets the list of valid ids.
            this.Zalo.PushText("chat-q", "user-q", "/quiz khong-co");
            await this.Zalo.WaitForMessagesAsync(expected + 1, TimeSpan.FromSeconds(20));
            Assert.Contains("Các mã hợp lệ:", this.Zalo.SentMessages[^1].Text, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }
    }
}
