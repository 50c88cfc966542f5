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
}
