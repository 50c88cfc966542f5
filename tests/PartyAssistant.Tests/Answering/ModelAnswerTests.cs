using PartyAssistant.Answering;
using PartyAssistant.Conversations;
using PartyAssistant.Fakes;

namespace PartyAssistant.Tests.Answering;

/// <summary>The model path through the real Semantic Kernel OpenAI connector, against a fake server on 127.0.0.1.</summary>
public sealed class ModelAnswerTests : IAsyncLifetime
{
    private const string Question = "Đến năm 2025, tỷ lệ bí thư chi bộ đồng thời là trưởng ấp, khóm không quá 40 tuổi phải đạt bao nhiêu?";
    private FakeOpenAiServer server = null!;

    public async Task InitializeAsync() => this.server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await this.server.DisposeAsync();

    /// <summary>The number the prompt gives the passage that holds the 50% target.</summary>
    private static int NumberOfTargetPassage(RecordedChatRequest request)
    {
        var user = request.Messages.Last(m => m.Role == "user").Content;
        var marker = user.IndexOf("· Mục II.3, ý 3", StringComparison.Ordinal);
        var open = user.LastIndexOf('[', marker);
        return int.Parse(user[(open + 1)..user.IndexOf(']', open)], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_good_cited_answer_from_the_model_is_shown()
    {
        this.server.Responder = request => FakeReply.Text(
            $"Đến năm 2025, tỷ lệ này phải \"đạt tỷ lệ 50%\" [{NumberOfTargetPassage(request)}].");
        using var assistant = TestAssistant.WithModel(this.server.BaseUrl);

        var answer = await assistant.Pipeline.AskAsync(Question, null, CancellationToken.None);

        Assert.Equal("model:test-model", answer.Backend);
        Assert.Null(answer.Notice);
        Assert.False(answer.Abstained);
        Assert.StartsWith("Đến năm 2025, tỷ lệ này phải", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("Nguồn:\n[", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("Mục II.3, ý 3 — “đạt tỷ lệ 50%”", answer.Answer, StringComparison.Ordinal);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal("kl-tu-nq03/II.3.3", citation.PassageId);
        Assert.Equal("đạt tỷ lệ 50%", citation.Quote);
    }

    [Fact]
    public async Task The_prompt_carries_the_rules_the_passages_and_the_question()
    {
        this.server.Responder = request => FakeReply.Text($"Đạt 50% [{NumberOfTargetPassage(request)}].");
        using var assistant = TestAssistant.WithModel(this.server.BaseUrl);
        await assistant.Pipeline.AskAsync(Question, null, CancellationToken.None);

        var request = Assert.Single(this.server.Requests);
        Assert.Equal("test-model", request.Model);
        Assert.Equal("Bearer test-key", request.Headers["Authorization"]);
        var system = request.Messages.First(m => m.Role == "system").Content;
        Assert.Contains("Chỉ dùng thông tin trong các đoạn văn bản được cung cấp", system, StringComparison.Ordinal);
        Assert.Contains(PromptLibrary.NotFoundToken, system, StringComparison.Ordinal);

        // Every mark the supplied passages can carry is explained to the model.
        Assert.Contains("\"(bản tóm tắt)\"", system, StringComparison.Ordinal);
        Assert.Contains($"\"{SourceList.ScanMark}\"", system, StringComparison.Ordinal);
        var user = request.Messages.Last(m => m.Role == "user").Content;
        Assert.Contains("Câu hỏi: " + Question, user, StringComparison.Ordinal);
        Assert.Contains("[1] ", user, StringComparison.Ordinal);
        Assert.Contains("không quá 40 tuổi đạt tỷ lệ 50%", user, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<RecordedChatRequest, FakeReply>> BadReplies => new()
    {
        { "cites [7] of 5", _ => FakeReply.Text("Tỷ lệ đạt 50% [7].") },
        { "quotes text not there", r => FakeReply.Text($"Phải \"đạt tỷ lệ 75% trong năm 2025\" [{NumberOfTargetPassage(r)}].") },
        { "cites nothing", _ => FakeReply.Text("Tỷ lệ đạt 50%.") },
        { "empty", _ => FakeReply.Empty() },
        { "HTTP 500", _ => FakeReply.Error(500, "internal error") },
        { "HTTP 429", _ => FakeReply.Error(429, "rate limited", "rate_limit_exceeded", TimeSpan.FromSeconds(1)) },
    };

    [Theory]
    [MemberData(nameof(BadReplies))]
    public async Task A_model_answer_that_fails_is_replaced_by_the_offline_answer_with_a_notice(string why, Func<RecordedChatRequest, FakeReply> reply)
    {
        this.server.Responder = reply;
        using var assistant = TestAssistant.WithModel(this.server.BaseUrl);

        var answer = await assistant.Pipeline.AskAsync(Question, null, CancellationToken.None);

        Assert.True(this.server.RequestCount >= 1, why);
        Assert.Equal(OfflineChatCompletionService.ModelId, answer.Backend);
        Assert.NotNull(answer.Notice);
        Assert.StartsWith("Lưu ý: câu trả lời của mô hình không được dùng", answer.Notice, StringComparison.Ordinal);
        Assert.False(answer.Abstained);
        Assert.Contains("50%", answer.Answer, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task A_model_slower_than_the_timeout_is_not_waited_for()
    {
        this.server.Responder = _ => FakeReply.Delayed(TimeSpan.FromSeconds(30), FakeReply.Text("quá muộn [1]"));
        using var assistant = TestAssistant.WithModel(this.server.BaseUrl, timeoutSeconds: 1);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var answer = await assistant.Pipeline.AskAsync(Question, null, CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(OfflineChatCompletionService.ModelId, answer.Backend);
        Assert.Contains("không trả lời trong 1 giây", answer.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_model_saying_not_found_is_an_abstention()
    {
        this.server.Responder = _ => FakeReply.Text(PromptLibrary.NotFoundToken);
        using var assistant = TestAssistant.WithModel(this.server.BaseUrl);
        var answer = await assistant.Pipeline.AskAsync(Question, null, CancellationToken.None);
        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);

        // What the judge found stays in sight as related sentences, never as the answer.
        Assert.Equal(Outcome.Related, answer.Outcome);
        Assert.NotEmpty(answer.Related);
        Assert.Contains("chỉ để tham khảo", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_model_a_follow_up_is_rewritten_by_the_model()
    {
        const string rewritten = "Quy hoạch cán bộ không chuyên trách ở ấp, khóm cần quan tâm những gì?";
        this.server.Responder = request => request.Messages.Any(m => m.Content.Contains("Viết lại câu hỏi tiếp theo", StringComparison.Ordinal))
            ? FakeReply.Text(rewritten)
            : FakeReply.Text("Xem đoạn [1].");
        using var assistant = TestAssistant.WithModel(this.server.BaseUrl);
        var key = new ConversationKey("test", "c", "u");
        await assistant.Pipeline.AskAsync("Quy hoạch cán bộ cơ sở cần quan tâm những đối tượng nào?", key, CancellationToken.None);

        var followUp = await assistant.Pipeline.AskAsync("còn cán bộ không chuyên trách thì sao?", key, CancellationToken.None);

        Assert.Equal(rewritten, followUp.SearchedQuestion);
        Assert.Contains(this.server.Requests, r => r.Messages.Any(m => m.Content.Contains("còn cán bộ không chuyên trách thì sao?", StringComparison.Ordinal)
            && m.Content.Contains("Quy hoạch cán bộ cơ sở", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_model_answer_citing_a_summary_is_marked_as_such()
    {
        this.server.Responder = request =>
        {
            var user = request.Messages.Last(m => m.Role == "user").Content;
            var at = user.IndexOf("(bản tóm tắt)", StringComparison.Ordinal);
            var open = user.LastIndexOf('[', at);
            return FakeReply.Text($"Hướng dẫn ban hành ngày 30/10/2020 {user[open..(user.IndexOf(']', open) + 1)]}.");
        };
        using var assistant = TestAssistant.WithModel(this.server.BaseUrl);
        var answer = await assistant.Pipeline.AskAsync("Hướng dẫn 33-HD/BTCTW ban hành ngày nào?", null, CancellationToken.None);
        Assert.Equal("model:test-model", answer.Backend);
        Assert.Contains("theo bản tóm tắt, không phải nguyên văn", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_list_written_by_the_model_is_replaced_by_ours()
    {
        this.server.Responder = request => FakeReply.Text(
            $"Phải đạt 50% [{NumberOfTargetPassage(request)}].\n\nNguồn:\n[{NumberOfTargetPassage(request)}] Văn bản do mô hình tự ghi");
        using var assistant = TestAssistant.WithModel(this.server.BaseUrl);

        var answer = await assistant.Pipeline.AskAsync(Question, null, CancellationToken.None);

        Assert.Equal("model:test-model", answer.Backend);
        Assert.DoesNotContain("do mô hình tự ghi", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("· Mục II.3, ý 3 —", answer.Answer, StringComparison.Ordinal);
    }
}
