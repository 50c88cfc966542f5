using PartyAssistant.Answering;
using PartyAssistant.Conversations;
using PartyAssistant.Evaluation;

namespace PartyAssistant.Tests.Answering;

public sealed class OfflineAnswerTests : IDisposable
{
    private readonly TestAssistant assistant = new();

    public void Dispose() => this.assistant.Dispose();

    [Fact]
    public async Task A_question_from_the_seed_gets_a_cited_answer_quoting_the_document()
    {
        var answer = await this.assistant.Pipeline.AskAsync(
            "Đến năm 2025, tỷ lệ bí thư chi bộ đồng thời là trưởng ấp, khóm không quá 40 tuổi phải đạt bao nhiêu?", null, CancellationToken.None);

        Assert.False(answer.Abstained);
        Assert.Equal(OfflineChatCompletionService.ModelId, answer.Backend);
        Assert.Contains("50%", answer.Answer, StringComparison.Ordinal);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal("kl-tu-nq03/II.3.3", citation.PassageId);
        Assert.Contains($"[{citation.N}]", answer.Answer, StringComparison.Ordinal);
        var cited = answer.Passages.Single(p => p.PassageId == citation.PassageId);
        Assert.Contains(citation.Quote, cited.Text, StringComparison.Ordinal);
        Assert.Contains(citation.Label, answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Giá xăng RON95 hôm nay bao nhiêu?")]
    [InlineData("Thời tiết Đồng Tháp ngày mai thế nào?")]
    [InlineData("Cách nấu phở bò ngon nhất?")]
    [InlineData("gia vang hom nay the nao")]
    public async Task A_question_the_documents_do_not_cover_is_declined_and_cites_nothing(string question)
    {
        var answer = await this.assistant.Pipeline.AskAsync(question, null, CancellationToken.None);
        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
        Assert.Contains("không đề cập", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("Văn bản gần nhất", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_from_a_summary_says_so()
    {
        var answer = await this.assistant.Pipeline.AskAsync("Hướng dẫn 33-HD/BTCTW về thực hiện Quy định 213 ban hành ngày nào?", null, CancellationToken.None);
        Assert.False(answer.Abstained);
        Assert.Contains("30/10/2020", answer.Answer, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.FromSummary);
        Assert.Contains("theo bản tóm tắt, không phải nguyên văn", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_is_searched_with_the_topic_of_the_previous_question()
    {
        var key = new ConversationKey("test", "chat-1", "user-1");
        var first = await this.assistant.Pipeline.AskAsync("Quy hoạch cán bộ cơ sở cần quan tâm những đối tượng nào?", key, CancellationToken.None);
        Assert.False(first.Abstained);

        var followUp = await this.assistant.Pipeline.AskAsync("còn cán bộ không chuyên trách thì sao?", key, CancellationToken.None);
        Assert.Contains("Quy hoạch cán bộ cơ sở", followUp.SearchedQuestion, StringComparison.Ordinal);
        Assert.False(followUp.Abstained);

        var alone = await this.assistant.Pipeline.AskAsync("còn cán bộ không chuyên trách thì sao?", new ConversationKey("test", "chat-2", "user-2"), CancellationToken.None);
        Assert.Equal("còn cán bộ không chuyên trách thì sao?", alone.SearchedQuestion);
    }

    [Fact]
    public async Task Empty_and_huge_questions_are_refused_with_a_clear_message()
    {
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => this.assistant.Pipeline.AskAsync("  ", null, CancellationToken.None));
        Assert.Contains("Câu hỏi trống", empty.Message, StringComparison.Ordinal);
        var huge = await Assert.ThrowsAsync<ArgumentException>(() => this.assistant.Pipeline.AskAsync(new string('a', 2001), null, CancellationToken.None));
        Assert.Contains("2.000", huge.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dev_set_answers_meet_the_bar()
    {
        var questions = await EvalQuestion.LoadAsync(TestPaths.DevQuestions, CancellationToken.None);
        var outcomes = await AnswerEvaluator.AnswerAllAsync(this.assistant.Pipeline, questions, CancellationToken.None);
        var metrics = AnswerEvaluator.Summarise(outcomes);

        Assert.True(metrics.AnswerContains >= 0.90, $"answer_contains {metrics.AnswerContains}");
        Assert.True(metrics.FalseAbstentions <= 0.05, $"false abstentions {metrics.FalseAbstentions}");
        Assert.Equal(1.0, metrics.CitationValidity);
        Assert.All(outcomes.Where(o => !o.Question.Answerable), o => Assert.True(o.Answer.Abstained, o.Question.Id));
    }
}
