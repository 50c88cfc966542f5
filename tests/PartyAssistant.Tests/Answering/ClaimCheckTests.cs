using PartyAssistant.Answering;
using PartyAssistant.Fakes;
using PartyAssistant.Search;

namespace PartyAssistant.Tests.Answering;

/// <summary>A model's answer is checked claim by claim: a real citation does not make an invented fact true.</summary>
public sealed class ClaimCheckTests : IAsyncLifetime
{
    private const string Question = "Cấp ủy có phải tiếp dân định kỳ không?";
    private FakeOpenAiServer server = null!;

    public async Task InitializeAsync() => this.server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await this.server.DisposeAsync();

    private static SuppliedPassages Passages(params string[] texts) =>
        new(texts.Select((t, i) => new SearchHit(i + 1, $"doc/p{i + 1}", "doc", $"Văn bản · ý {i + 1}", 1, t, false)).ToList());

    /// <summary>The number the prompt gives the passage about receiving citizens.</summary>
    private static int NumberOfReceptionPassage(RecordedChatRequest request)
    {
        var user = request.Messages.Last(m => m.Role == "user").Content;
        var marker = user.IndexOf("tiếp dân định kỳ", StringComparison.Ordinal);
        var open = user.LastIndexOf("\n[", marker, StringComparison.Ordinal) + 1;
        return int.Parse(user[(open + 1)..user.IndexOf(']', open)], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_invented_weekday_and_frequency_with_a_real_citation_is_replaced_by_the_offline_answer()
    {
        this.server.Responder = request => FakeReply.Text($"Cấp uỷ phải tiếp dân mỗi tuần một lần vào sáng thứ Hai [{NumberOfReceptionPassage(request)}].");
        using var assistant = TestAssistant.WithModel(this.server.BaseUrl);

        var answer = await assistant.Pipeline.AskAsync(Question, null, CancellationToken.None);

        Assert.Equal(OfflineChatCompletionService.ModelId, answer.Backend);
        Assert.Contains("không có trong đoạn được dẫn", answer.Notice, StringComparison.Ordinal);
        Assert.DoesNotContain("thứ Hai", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("tiếp dân định kỳ", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_the_cited_passage_backs_is_shown_as_the_models_answer()
    {
        this.server.Responder = request => FakeReply.Text($"Có, cấp uỷ phải thực hiện việc tiếp dân định kỳ theo quy định [{NumberOfReceptionPassage(request)}].");
        using var assistant = TestAssistant.WithModel(this.server.BaseUrl);

        var answer = await assistant.Pipeline.AskAsync(Question, null, CancellationToken.None);

        Assert.Equal("model:test-model", answer.Backend);
        Assert.Null(answer.Notice);
        Assert.StartsWith("Có, cấp uỷ phải thực hiện việc tiếp dân định kỳ theo quy định [1].", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tỷ lệ đạt 60% [1].", "60%")]
    [InlineData("Sơ kết vào cuối năm 2023 [1].", "2023")]
    [InlineData("Việc này làm mỗi quý một lần [1].", "mỗi quý một lần")]
    [InlineData("Giao Ban Dân vận Huyện uỷ chủ trì [1].", "Huyện uỷ")]
    [InlineData("Ban Bí thư chủ trì sơ kết [1].", "Ban Bí")]
    [InlineData("Lê Văn Ba chủ trì [1].", "Văn Ba")]
    [InlineData("Họp vào Chủ nhật [1].", "Chủ nhật")]
    [InlineData("Phải nộp trong 15 ngày [1].", "15 ngày")]
    [InlineData("Đảng viên phải gương mẫu. Cấp uỷ phải tiếp dân [1].", "không có trích dẫn")]
    [InlineData("Có. Cấp uỷ tiếp dân định kỳ [1].", "không có trích dẫn")]
    public void Each_kind_of_unbacked_claim_is_named(string answer, string named)
    {
        var passages = Passages("Hàng năm, tỷ lệ đạt trên 50%. Ban Tổ chức Tỉnh uỷ chủ trì, chuẩn bị sơ kết vào cuối năm 2022. Cấp uỷ tiếp dân định kỳ hằng năm.");

        var problem = ClaimChecker.Check(answer, passages);

        Assert.NotNull(problem);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tỷ lệ phải đạt 50% [1].")]
    [InlineData("Cấp uỷ tiếp dân mỗi năm một lần [1].")]
    [InlineData("Theo các văn bản đã nạp:\n1. Ban Tổ chức Tỉnh uỷ chủ trì [1].\n2. Chuẩn bị sơ kết vào cuối năm 2022 [1].")]
    [InlineData("Ý 2: văn bản nêu \"tỷ lệ đạt trên 50%\" [1].")]
    public void Claims_the_passage_states_pass_however_they_are_worded(string answer) =>
        Assert.Null(ClaimChecker.Check(answer, Passages("Hàng năm, tỷ lệ đạt trên 50%. Ban Tổ chức Tỉnh uỷ chủ trì, chuẩn bị sơ kết vào cuối năm 2022. Cấp uỷ tiếp dân định kỳ hằng năm.")));

    [Fact]
    public void Citations_are_renumbered_in_the_order_the_answer_cites_them()
    {
        var passages = Passages("Một.", "Hai.", "Ba.");
        var (text, numbered, citations) = CitationNumbers.Renumber("- Ba. [3]\n- Một. [1]\n\nNguồn:\n[1] Văn bản · ý 1 — “Một.”\n[3] Văn bản · ý 3 — “Ba.”", passages, [new Citation(1, "doc/p1", "Văn bản · ý 1", "Một.", false), new Citation(3, "doc/p3", "Văn bản · ý 3", "Ba.", false)]);

        Assert.Equal("- Ba. [1]\n- Một. [2]\n\nNguồn:\n[1] Văn bản · ý 3 — “Ba.”\n[2] Văn bản · ý 1 — “Một.”", text);
        Assert.Equal(["doc/p3", "doc/p1", "doc/p2"], numbered.Hits.Select(h => h.PassageId));
        Assert.Equal([(1, "doc/p3"), (2, "doc/p1")], citations.Select(c => (c.N, c.PassageId)));
    }
}
