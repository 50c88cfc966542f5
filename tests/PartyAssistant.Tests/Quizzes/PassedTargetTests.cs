using PartyAssistant.Quizzes;

namespace PartyAssistant.Tests.Quizzes;

/// <summary>A target whose year has ended is asked as the text states it, and shown as passed ("mốc đã qua").</summary>
public sealed class PassedTargetTests(ShippedCorpusDocuments fixture) : IClassFixture<ShippedCorpusDocuments>
{
    [Theory]
    [InlineData("Đến năm 2025, 100% chi uỷ chi bộ ấp được bồi dưỡng.", "2026-12-05", "Đến năm 2025")]
    [InlineData("Phấn đấu đến cuối năm 2022 hoàn thành việc rà soát.", "2023-01-01", "đến cuối năm 2022")]
    [InlineData("den nam 2025 ty le dat 80%", "2026-01-01", "đến năm 2025")]
    [InlineData("Đến năm 2030, tỷ lệ đạt 90%.", "2026-12-05", null)]
    [InlineData("Đến năm 2026, tỷ lệ đạt 90%.", "2026-12-05", null)]
    [InlineData("Năm 2020 Ban Chấp hành ban hành Quy định 213.", "2026-12-05", null)]
    public void A_target_before_a_year_that_has_ended_is_found(string sentence, string today, string? expected)
    {
        var found = PassedTarget.In(sentence, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected?.ToLowerInvariant(), found?.ToLowerInvariant());
    }

    [Fact]
    public void Every_quiz_question_on_a_passed_target_says_so_and_none_other_does()
    {
        var after = new QuizGenerator(new FixedClock(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero)));
        var before = new QuizGenerator(new FixedClock(new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero)));
        var marked = 0;
        foreach (var document in fixture.Corpus.Documents)
        {
            var quiz = after.Generate(fixture.Corpus, new QuizRequest(document.Id, Count: QuizRequest.MaxCount));
            foreach (var item in quiz.Items)
            {
                var target = PartyAssistant.Text.VietnameseText.MatchKey(item.Quote).Contains("den nam 2023", StringComparison.Ordinal)
                    || PartyAssistant.Text.VietnameseText.MatchKey(item.Quote).Contains("den nam 2025", StringComparison.Ordinal);
                if (target)
                {
                    Assert.NotNull(item.PassedTarget);
                    Assert.Contains("(mốc đã qua:", QuizText.QuestionLine(item), StringComparison.Ordinal);
                    Assert.Contains("đã qua", QuizText.AnswerLine(item), StringComparison.Ordinal);
                    marked++;
                }
            }

            Assert.All(before.Generate(fixture.Corpus, new QuizRequest(document.Id, Count: QuizRequest.MaxCount)).Items
                .Where(i => !PartyAssistant.Text.VietnameseText.MatchKey(i.Quote).Contains("2022", StringComparison.Ordinal)
                            && !PartyAssistant.Text.VietnameseText.MatchKey(i.Quote).Contains("2023", StringComparison.Ordinal)),
                i => Assert.Null(i.PassedTarget));
        }

        Assert.True(marked > 0, "the shipped corpus has targets set for 2025; some quiz question should ask about one");
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => now;
}
