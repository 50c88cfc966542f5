using PartyAssistant.Evaluation;

namespace PartyAssistant.Tests.Evaluation;

/// <summary>The retrieval bar of the corpus-and-search issue, checked on the shared dev set.</summary>
public sealed class DevSetTests(ShippedCorpusFixture corpus) : IClassFixture<ShippedCorpusFixture>
{
    [Fact]
    public async Task Dev_set_retrieval_meets_the_bar()
    {
        var questions = await EvalQuestion.LoadAsync(TestPaths.DevQuestions, CancellationToken.None);
        var report = RetrievalEvaluator.Evaluate(corpus.Searcher, questions);

        Assert.True(report.Overall.N >= 30);
        Assert.True(report.Overall.HitAt1 >= 0.90, $"hit@1 {report.Overall.HitAt1}");
        Assert.True(report.Overall.HitAt3 >= 0.97, $"hit@3 {report.Overall.HitAt3}");
        Assert.True(report.ByKind["plain"].HitAt1 >= 0.85, $"plain hit@1 {report.ByKind["plain"].HitAt1}");
    }

    [Fact]
    public async Task Dev_set_typed_without_diacritics_does_as_well()
    {
        var questions = (await EvalQuestion.LoadAsync(TestPaths.DevQuestions, CancellationToken.None))
            .Select(q => q with { Question = PartyAssistant.Text.VietnameseText.Fold(q.Question) })
            .ToList();
        var report = RetrievalEvaluator.Evaluate(corpus.Searcher, questions);
        Assert.True(report.Overall.HitAt1 >= 0.90, $"hit@1 without diacritics {report.Overall.HitAt1}");
    }

    [Fact]
    public void Metrics_follow_the_readme_definitions()
    {
        var metrics = RetrievalMetrics.From([1, 2, null, 4]);
        Assert.Equal(0.25, metrics.HitAt1);
        Assert.Equal(0.5, metrics.HitAt3);
        Assert.Equal(Math.Round((1 + 0.5 + 0.25) / 4, 4), metrics.MrrAt10);
    }

    [Fact]
    public async Task A_malformed_question_line_is_reported_with_its_number()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "q.jsonl");
        await File.WriteAllTextAsync(file, "{\"id\":\"a\",\"question\":\"x\",\"kind\":\"plain\",\"answerable\":true,\"evidence_any\":[],\"answer_must_contain\":[]}\n{not json\n");
        var error = await Assert.ThrowsAsync<FormatException>(() => EvalQuestion.LoadAsync(file, CancellationToken.None));
        Assert.Contains("dòng 2", error.Message, StringComparison.Ordinal);
    }
}
