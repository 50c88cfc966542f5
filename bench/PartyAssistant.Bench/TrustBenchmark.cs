using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAssistant.Answering;
using PartyAssistant.Evaluation;
using PartyAssistant.Text;

namespace PartyAssistant.Bench;

/// <summary>Focus coverage of one group of questions: the abstention signal's spread, to see the gap the threshold sits in.</summary>
public sealed record CoverageSpread(string Group, int Questions, double Min, double Q1, double Median, double Q3, double Max);

/// <summary>The answer figures of one question file, as written or with every diacritic stripped.</summary>
public sealed record TrustRun(
    string Set, string Variant, int Questions, int OutOfScope, int OutOfScopeRefused, int Answerable, int FalseAbstentions,
    AnswerMetrics Metrics);

/// <summary>What the answer-trust section measured: per set and variant, and the coverage spread against the two thresholds.</summary>
public sealed record TrustResult(double MinFocusCoverage, double RelatedFocusCoverage, IReadOnlyList<TrustRun> Runs, IReadOnlyList<CoverageSpread> Coverage);

/// <summary>
/// Answer trust on the shipped corpus: every question of the dev and scope sets is asked through the offline pipeline,
/// as written and without diacritics, and scored as `eval` scores it (refusals of out-of-scope questions, false
/// abstentions, answer_contains, lead_hit, citation validity). The coverage spread shows how far the answerable and
/// the out-of-scope questions sit from the threshold that separates them.
/// </summary>
public static class TrustBenchmark
{
    public static async Task<TrustResult> MeasureAsync(
        string corpusDirectory, string dataDirectory, IReadOnlyList<(string Name, IReadOnlyList<EvalQuestion> Questions)> sets, CancellationToken cancellationToken)
    {
        await using var services = AnswerBenchmark.Compose(corpusDirectory, dataDirectory);
        var pipeline = services.GetRequiredService<AnswerPipeline>();
        var answering = services.GetRequiredService<IOptions<AnsweringOptions>>().Value;

        var runs = new List<TrustRun>();
        var answeredCoverage = new List<double>();
        var outOfScopeCoverage = new List<double>();
        foreach (var (name, questions) in sets)
        {
            foreach (var fold in new[] { false, true })
            {
                var asked = fold ? questions.Select(q => q with { Question = VietnameseText.Fold(q.Question) }).ToList() : questions;
                var outcomes = await AnswerEvaluator.AnswerAllAsync(pipeline, asked, cancellationToken);
                var outOfScope = outcomes.Where(o => !o.Question.Answerable).ToList();
                var answerable = outcomes.Where(o => o.Question.Answerable).ToList();
                runs.Add(new TrustRun(
                    name, fold ? RetrievalBenchmark.Folded : RetrievalBenchmark.Accented, outcomes.Count,
                    outOfScope.Count, outOfScope.Count(o => o.Answer.Abstained), answerable.Count, answerable.Count(o => o.Answer.Abstained),
                    AnswerEvaluator.Summarise(outcomes)));
                answeredCoverage.AddRange(answerable.Select(o => o.Answer.Coverage));
                outOfScopeCoverage.AddRange(outOfScope.Select(o => o.Answer.Coverage));
            }
        }

        return new TrustResult(
            answering.MinFocusCoverage, answering.RelatedFocusCoverage, runs,
            [Spread("answerable", answeredCoverage), Spread("out of scope", outOfScopeCoverage)]);
    }

    private static CoverageSpread Spread(string group, List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? new CoverageSpread(group, 0, 0, 0, 0, 0, 0)
            : new CoverageSpread(
                group, sorted.Length, sorted[0], LatencyBenchmark.Percentile(sorted, 0.25), LatencyBenchmark.Percentile(sorted, 0.5),
                LatencyBenchmark.Percentile(sorted, 0.75), sorted[^1]);
    }
}
