using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyAssistant.Answering;
using PartyAssistant.Hosting;

namespace PartyAssistant.Bench;

/// <summary>
/// Per-ask latency of the offline answer pipeline over warm asks, in milliseconds. FirstAskMs is the
/// first warm-up ask, which builds the index; Answered and Abstained count the warm-up asks.
/// </summary>
public sealed record AnswerLatency(
    string Corpus, int Questions, int Answered, int Abstained, double FirstAskMs, int Asks,
    double P50Ms, double P90Ms, double P99Ms, double MeanMs, double MaxMs);

public static class AnswerBenchmark
{
    /// <summary>The answering services as the apps compose them, with no model configured: offline answers.</summary>
    public static ServiceProvider Compose(string corpusDirectory, string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Corpus:Directory"] = corpusDirectory,
                ["Storage:DataDirectory"] = dataDirectory,
            })
            .Build();
        return new ServiceCollection().AddLogging().AddPartyAssistantAnswering(configuration).BuildServiceProvider();
    }

    /// <summary>
    /// Composes the answering services as the apps do (no model configured: offline answers), asks every
    /// question once to warm up, then times <paramref name="asks"/> asks one at a time, cycling through the questions.
    /// </summary>
    public static async Task<AnswerLatency> MeasureAsync(
        string corpus, string corpusDirectory, string dataDirectory, IReadOnlyList<string> questions, int asks, CancellationToken cancellationToken)
    {
        if (questions.Count == 0)
        {
            throw new ArgumentException("No questions to ask.", nameof(questions));
        }

        await using var services = Compose(corpusDirectory, dataDirectory);
        var pipeline = services.GetRequiredService<AnswerPipeline>();

        var abstained = 0;
        var firstAskMs = 0.0;
        for (var i = 0; i < questions.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var answer = await pipeline.AskAsync(questions[i], conversation: null, cancellationToken);
            if (i == 0)
            {
                firstAskMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            abstained += answer.Abstained ? 1 : 0;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = new double[asks];
        for (var i = 0; i < asks; i++)
        {
            var question = questions[i % questions.Count];
            var start = Stopwatch.GetTimestamp();
            _ = await pipeline.AskAsync(question, conversation: null, cancellationToken);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return new AnswerLatency(
            corpus, questions.Count, questions.Count - abstained, abstained, firstAskMs, asks,
            LatencyBenchmark.Percentile(times, 0.50), LatencyBenchmark.Percentile(times, 0.90), LatencyBenchmark.Percentile(times, 0.99), times.Average(), times[^1]);
    }
}
