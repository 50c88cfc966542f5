using System.Text.Json.Serialization;
using PartyAssistant.Answering;
using PartyAssistant.Text;

namespace PartyAssistant.Evaluation;

/// <summary>Answer figures, named as in the eval README, plus the false-abstention rate the answers issue bounds.</summary>
public sealed record AnswerMetrics(
    [property: JsonPropertyName("answer_contains")] double? AnswerContains,
    [property: JsonPropertyName("abstention_accuracy")] double AbstentionAccuracy,
    [property: JsonPropertyName("citation_validity")] double? CitationValidity,
    [property: JsonPropertyName("false_abstentions")] double FalseAbstentions,
    [property: JsonPropertyName("answers")] int Answers);

public sealed record AnswerOutcome(EvalQuestion Question, GroundedAnswer Answer, bool? ContainsExpected, int ValidCitations, int Citations);

public static class AnswerEvaluator
{
    public static async Task<IReadOnlyList<AnswerOutcome>> AnswerAllAsync(AnswerPipeline pipeline, IEnumerable<EvalQuestion> questions, CancellationToken cancellationToken)
    {
        var outcomes = new List<AnswerOutcome>();
        foreach (var question in questions)
        {
            var answer = await pipeline.AskAsync(question.Question, conversation: null, cancellationToken).ConfigureAwait(false);
            outcomes.Add(Score(question, answer));
        }

        return outcomes;
    }

    public static AnswerOutcome Score(EvalQuestion question, GroundedAnswer answer)
    {
        bool? contains = question.Answerable && question.AnswerMustContain.Count > 0
            ? question.AnswerMustContain.All(s => VietnameseText.MatchKey(answer.Answer).Contains(VietnameseText.MatchKey(s), StringComparison.Ordinal))
            : null;
        var passages = answer.Passages.ToDictionary(p => p.PassageId, p => p.Text, StringComparer.Ordinal);
        var valid = answer.Citations.Count(c => passages.TryGetValue(c.PassageId, out var text) && CitationChecker.Contains(text, c.Quote));
        return new AnswerOutcome(question, answer, contains, valid, answer.Citations.Count);
    }

    public static AnswerMetrics Summarise(IReadOnlyCollection<AnswerOutcome> outcomes)
    {
        var withExpectations = outcomes.Where(o => o.ContainsExpected is not null).ToList();
        var citations = outcomes.Sum(o => o.Citations);
        var answerable = outcomes.Count(o => o.Question.Answerable);
        return new AnswerMetrics(
            withExpectations.Count == 0 ? null : Math.Round(withExpectations.Count(o => o.ContainsExpected == true) / (double)withExpectations.Count, 4),
            outcomes.Count == 0 ? 0 : Math.Round(outcomes.Count(o => o.Answer.Abstained == !o.Question.Answerable) / (double)outcomes.Count, 4),
            citations == 0 ? null : Math.Round(outcomes.Sum(o => o.ValidCitations) / (double)citations, 4),
            answerable == 0 ? 0 : Math.Round(outcomes.Count(o => o.Question.Answerable && o.Answer.Abstained) / (double)answerable, 4),
            outcomes.Count);
    }
}
