using System.Text;
using PartyAssistant.Channels;
using PartyAssistant.Channels.Telegram;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace PartyAssistant.Tests.Channels;

public sealed class ChannelPartsTests
{
    [Fact]
    public void Long_text_splits_at_paragraphs_and_every_part_fits()
    {
        var paragraphs = Enumerable.Range(1, 40).Select(i => $"Đoạn {i}: " + string.Join(' ', Enumerable.Repeat("đảng viên sinh hoạt nơi cư trú", 8))).ToList();
        var text = string.Join("\n\n", paragraphs);
        var parts = MessageSplitter.Split(text, 2000);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 2000));
        Assert.All(parts, p => Assert.StartsWith("Đoạn ", p, StringComparison.Ordinal));
        Assert.Equal(text, string.Join("\n\n", parts));
    }

    [Fact]
    public void A_paragraph_longer_than_a_part_is_cut_between_words()
    {
        var words = string.Join(' ', Enumerable.Repeat("trú", 1000));
        var parts = MessageSplitter.Split(words, 100);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 100));
        Assert.Equal(words, string.Join(' ', parts));
    }

    [Fact]
    public void Button_data_round_trips_and_stays_under_64_bytes()
    {
        var data = AnswerButton.Format(AnswerButton.Passage, long.MaxValue, 12);
        Assert.True(Encoding.UTF8.GetByteCount(data) <= 64);
        Assert.Equal(new AnswerButton(AnswerButton.Passage, long.MaxValue, 12), AnswerButton.Parse(data));
        Assert.Equal(AnswerButton.NotHelpful, AnswerButton.Parse(AnswerButton.Format(AnswerButton.NotHelpful, 5))!.Kind);
        Assert.Null(AnswerButton.Parse("p:abc:1"));
        Assert.Null(AnswerButton.Parse("x:1"));
        Assert.Null(AnswerButton.Parse(null));
    }

    [Fact]
    public void Html_is_escaped_and_the_source_heading_is_bold()
    {
        Assert.Equal("a &lt; b &amp; c &gt; d", TelegramHtml.Escape("a < b & c > d"));
        var answer = new PartyAssistant.Answering.GroundedAnswer("q", "q", false, "Câu <1> [1]\n\nNguồn:\n[1] Nhãn — “x & y”", [], [], "offline", null, new Dictionary<string, double>());
        var html = Assert.Single(TelegramHtml.FormatAnswer(answer));
        Assert.Contains("Câu &lt;1&gt; [1]", html, StringComparison.Ordinal);
        Assert.Contains("<b>Nguồn:</b>", html, StringComparison.Ordinal);
        Assert.Contains("“x &amp; y”", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rate_limit_allows_n_a_minute_per_user()
    {
        var clock = new Answering.ManualClock(DateTimeOffset.UnixEpoch);
        var limiter = new QuestionRateLimiter(2, clock);
        Assert.True(limiter.TryAcquire("a"));
        Assert.True(limiter.TryAcquire("a"));
        Assert.False(limiter.TryAcquire("a"));
        Assert.True(limiter.TryAcquire("b"));
        clock.Now = clock.Now.AddSeconds(61);
        Assert.True(limiter.TryAcquire("a"));
    }

    [Theory]
    [InlineData("/hoi@party_bot tiếp dân định kỳ", "hoi", "tiếp dân định kỳ", true)]
    [InlineData("/hoi tiếp dân", "hoi", "tiếp dân", true)]
    [InlineData("/VanBan", "vanban", "", true)]
    [InlineData("@party_bot tiếp dân định kỳ?", null, "tiếp dân định kỳ?", true)]
    [InlineData("mọi người cho hỏi tiếp dân định kỳ", null, "mọi người cho hỏi tiếp dân định kỳ", false)]
    public void Group_messages_are_addressed_by_command_or_mention(string text, string? command, string argument, bool addressed)
    {
        var message = new Message { Text = text, Chat = new Chat { Id = -5, Type = ChatType.Group } };
        var request = TelegramAddressing.Read(message, text, 999, "party_bot");
        Assert.Equal(new TelegramRequest(command, argument, addressed), request);
    }

    [Fact]
    public void A_command_for_another_bot_is_not_ours_and_a_reply_to_the_bot_is()
    {
        var other = new Message { Text = "/hoi@OtherBot x", Chat = new Chat { Id = -5, Type = ChatType.Group } };
        Assert.Null(TelegramAddressing.Read(other, other.Text!, 999, "party_bot"));

        var reply = new Message
        {
            Text = "còn cán bộ trẻ thì sao?",
            Chat = new Chat { Id = -5, Type = ChatType.Group },
            ReplyToMessage = new Message { From = new User { Id = 999, IsBot = true, FirstName = "bot" } },
        };
        Assert.True(TelegramAddressing.Read(reply, reply.Text!, 999, "party_bot")!.Addressed);
    }
}
