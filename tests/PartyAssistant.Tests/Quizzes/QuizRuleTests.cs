using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Quizzes;
using PartyAssistant.Text;

namespace PartyAssistant.Tests.Quizzes;

/// <summary>The trainer's rules, over every document of the shipped corpus: one question a fact, and a mix of types.</summary>
public sealed class QuizRuleTests(ShippedCorpusDocuments fixture) : IClassFixture<ShippedCorpusDocuments>
{
    private readonly QuizGenerator generator = new();

    public static TheoryData<int> Sizes => new(5, 10, QuizRequest.MaxCount);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void No_date_document_or_figure_is_asked_twice(int count)
    {
        foreach (var document in fixture.Corpus.Documents)
        {
            var quiz = this.generator.Generate(fixture.Corpus, new QuizRequest(document.Id, Count: count));
            var facts = quiz.Items
                .Where(i => FactExtractor.Extract(i.Quote).Any(f => f.Text == i.Fact && f.Kind is FactKind.Time or FactKind.Document or FactKind.Percent or FactKind.Quantity))
                .Select(i => VietnameseText.MatchKey(i.Fact))
                .ToList();
            var repeated = facts.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(repeated.Count == 0, $"{document.Id} ({count}): {string.Join(", ", repeated)}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void No_question_type_takes_over_40_percent_when_the_number_of_questions_allows(int count)
    {
        foreach (var document in fixture.Corpus.Documents)
        {
            var quiz = this.generator.Generate(fixture.Corpus, new QuizRequest(document.Id, Count: count));
            var n = quiz.Items.Count;

            // With three types, n questions cannot keep every type under ⌈n/3⌉ (4 questions: one type has 2).
            var allowed = Math.Max((int)Math.Ceiling(n / 3.0), (int)Math.Floor(0.4 * n));
            var most = quiz.Items.GroupBy(i => i.Type).Max(g => g.Count());
            Assert.True(most <= allowed, $"{document.Id} ({count}): {string.Join(", ", quiz.Items.GroupBy(i => i.Type).Select(g => $"{g.Key} {g.Count()}"))} of {n}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void No_blank_is_answered_by_the_question_itself(int count)
    {
        foreach (var document in fixture.Corpus.Documents)
        {
            var quiz = this.generator.Generate(fixture.Corpus, new QuizRequest(document.Id, Count: count));
            foreach (var item in quiz.Items.Where(i => i.Type != QuizItemType.TrueFalse))
            {
                var shown = $" {VietnameseText.MatchKey(item.Question)} ";
                Assert.False(shown.Contains($" {VietnameseText.MatchKey(item.Fact)} ", StringComparison.Ordinal), $"{document.Id}: “{item.Question}” shows its answer “{item.Fact}”");
            }
        }
    }

    [Theory]
    [InlineData(QuizItemType.FillBlank, "Chi bộ họp ____; từ ngày 15/3/2026 áp dụng.", "15/3/2026", true)]
    [InlineData(QuizItemType.MultipleChoice, "Quy định 213 nêu: đảng viên ____ giữ mối liên hệ (Quy định 213).", "Quy định 213", true)]
    [InlineData(QuizItemType.FillBlank, "Chi bộ họp ____ một lần.", "mỗi tháng", false)]
    [InlineData(QuizItemType.FillBlank, "Chi bộ họp vào ngày 20/3/2026, lúc ____ giờ.", "15", false)]
    [InlineData(QuizItemType.TrueFalse, "Chi bộ họp mỗi tháng một lần.", "mỗi tháng", false)]
    public void A_question_that_still_shows_its_answer_is_not_asked(QuizItemType type, string statement, string fact, bool givesAway)
    {
        var item = new QuizItem(type, statement, statement, [], fact, fact, null, "qd-1/dieu-1", "Quy định 1 · Điều 1", statement);

        Assert.Equal(givesAway, QuizGenerator.GivesAway(item));
    }
}
