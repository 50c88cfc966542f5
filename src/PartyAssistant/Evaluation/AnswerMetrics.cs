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
    [property: JsonPropertyName("answers")] int Answers)
{
    /// <summary>Answered questions with evidence whose first citation points at the evidence and quotes no heading or title.</summary>
    [JsonPropertyName("lead_hit")]
    public double? LeadHit { get; init; }

    /// <summary>How many questions got each outcome: answer, related, not_covered.</summary>
    [JsonPropertyName("outcomes")]
    public IReadOnlyDictionary<string, int> Outcomes { get; init; } = new Dictionary<string, int>();
}

/// <param name="LeadHit">Null unless the question is answerable, has evidence and was answered.</param>
public sealed record AnswerOutcome(EvalQuestion Question, GroundedAnswer Answer, bool? ContainsExpected, int ValidCitations, int Citations, bool? LeadHit = null);

public static class AnswerEvaluator
{
    /// <summary>The outcome as `ask --json` and the eval report name it.</summary>
    public static string OutcomeName(Outcome outcome) => outcome switch
    {
        Outcome.Answer => "answer",
        Outcome.Related => "related",
        _ => "not_covered",
    };

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
        return new AnswerOutcome(question, answer, contains, valid, answer.Citations.Count, LeadHit(question, answer));
    }

    /// <summary>
    /// Whether the answer leads with the evidence: its first citation (the first [n] in the text) points at a passage
    /// holding an evidence span, and what it quotes from there is not the passage's heading or its document's title.
    /// </summary>
    public static bool? LeadHit(EvalQuestion question, GroundedAnswer answer)
    {
        if (!question.Answerable || question.EvidenceAny.Count == 0 || answer.Abstained)
        {
            return null;
        }

        var first = CitationChecker.Markers(answer.Answer).FirstOrDefault();
        if (answer.Citations.FirstOrDefault(c => c.N == first) is not { } citation ||
            answer.Passages.FirstOrDefault(p => p.PassageId == citation.PassageId) is not { } passage)
        {
            return false;
        }

        var text = VietnameseText.MatchKey(passage.Text);
        var quote = VietnameseText.MatchKey(citation.Quote);
        var heading = passage.Role is Corpus.PassageRole.Title || VietnameseText.IsAllCaps(citation.Quote) ||
            quote == VietnameseText.MatchKey(passage.Heading.Split(" › ")[^1]) || quote == VietnameseText.MatchKey(passage.DocumentTitle.Split(". ", 2)[^1]);
        return !heading && question.EvidenceAny.Select(VietnameseText.MatchKey).Any(e => e.Length > 0 && text.Contains(e, StringComparison.Ordinal));
    }

    public static AnswerMetrics Summarise(IReadOnlyCollection<AnswerOutcome> outcomes)
    {
        var withExpectations = outcomes.Where(o => o.ContainsExpected is not null).ToList();
        var citations = outcomes.Sum(o => o.Citations);
        var answerable = outcomes.Count(o => o.Question.Answerable);
        var leads = outcomes.Where(o => o.LeadHit is not null).ToList();
        return new AnswerMetrics(
            withExpectations.Count == 0 ? null : Math.Round(withExpectations.Count(o => o.ContainsExpected == true) / (double)withExpectations.Count, 4),
            outcomes.Count == 0 ? 0 : Math.Round(outcomes.Count(o => o.Answer.Abstained == !o.Question.Answerable) / (double)outcomes.Count, 4),
            citations == 0 ? null : Math.Round(outcomes.Sum(o => o.ValidCitations) / (double)citations, 4),
            answerable == 0 ? 0 : Math.Round(outcomes.Count(o => o.Question.Answerable && o.Answer.Abstained) / (double)answerable, 4),
            outcomes.Count)
        {
            LeadHit = leads.Count == 0 ? null : Math.Round(leads.Count(o => o.LeadHit == true) / (double)leads.Count, 4),
            Outcomes = outcomes.GroupBy(o => OutcomeName(o.Answer.Outcome)).ToDictionary(g => g.Key, g => g.Count()),
        };
    }
}
