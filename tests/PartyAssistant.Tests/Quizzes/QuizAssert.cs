using PartyAssistant.Answering;
using PartyAssistant.Corpus;
using PartyAssistant.Quizzes;

namespace PartyAssistant.Tests.Quizzes;

/// <summary>What makes a quiz item correct, checked against the passage it cites.</summary>
internal static class QuizAssert
{
    public static void Correct(string type, string statement, IReadOnlyList<string> choices, string answer, string fact, string passageId, string quote, CorpusLoadResult corpus)
    {
        var passage = corpus.Passages.SingleOrDefault(p => p.Id == passageId);
        Assert.True(passage is not null, $"unknown passage {passageId}");

        // The citation check answers get: the quote is text of the passage (and here, verbatim).
        Assert.Contains(quote, passage.Text, StringComparison.Ordinal);
        Assert.True(CitationChecker.Contains(passage.Text, quote), $"quote fails the citation check: {quote}");
        Assert.Contains(fact, quote, StringComparison.Ordinal);
        switch (type)
        {
            case "fill_blank":
            case "multiple_choice":
                Assert.Equal(fact, answer);
                Assert.Contains(answer, quote, StringComparison.Ordinal);
                Assert.Single(AllIndexes(statement, QuizItem.Blank));
                Assert.Equal(quote, statement.Replace(QuizItem.Blank, answer, StringComparison.Ordinal));
                if (type == "multiple_choice")
                {
                    Assert.Equal(4, choices.Count);
                    Assert.Equal(4, choices.Distinct(StringComparer.Ordinal).Count());
                    Assert.Single(choices, c => c == answer);
                    Assert.All(choices.Where(c => c != answer), wrong => Assert.NotEqual(quote, statement.Replace(QuizItem.Blank, wrong, StringComparison.Ordinal)));
                }
                else
                {
                    Assert.Empty(choices);
                }

                break;
            case "true_false":
                Assert.Equal([QuizItem.True, QuizItem.False], choices);
                if (answer == QuizItem.True)
                {
                    Assert.Equal(quote, statement);
                }
                else
                {
                    Assert.Equal(QuizItem.False, answer);
                    Assert.NotEqual(quote, statement);

                    // A false statement is one the corpus nowhere makes.
                    Assert.DoesNotContain(corpus.Passages, p => CitationChecker.Contains(p.Text, statement));
                    var at = quote.IndexOf(fact, StringComparison.Ordinal);
                    Assert.StartsWith(quote[..at], statement, StringComparison.Ordinal);
                    Assert.EndsWith(quote[(at + fact.Length)..], statement, StringComparison.Ordinal);
                }

                break;
            default:
                Assert.Fail($"unknown type {type}");
                break;
        }
    }

    public static void Correct(QuizItem item, CorpusLoadResult corpus) =>
        Correct(item.Type.JsonName(), item.Statement, item.Choices, item.Answer, item.Fact, item.PassageId, item.Quote, corpus);

    private static List<int> AllIndexes(string text, string part)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            found.Add(at);
        }

        return found;
    }
}
