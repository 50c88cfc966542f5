using System.Diagnostics;
using PartyAssistant.Corpus;
using PartyAssistant.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PartyAssistant.Bench;

/// <summary>How long one index build took.</summary>
public sealed record BuildTiming(string Corpus, string Directory, int Documents, int Passages, double Milliseconds);

/// <summary>Per-search latency over warm searches, in milliseconds.</summary>
public sealed record LatencyScores(string Corpus, int Questions, int Searches, int Top, double P50Ms, double P90Ms, double P99Ms, double MeanMs, double MaxMs);

public static class LatencyBenchmark
{
    /// <summary>Times <see cref="PassageIndexWriter.Write"/> (with its commit) into the given directory.</summary>
    public static BuildTiming TimeBuild(string corpus, string directoryKind, IReadOnlyList<CorpusDocument> documents, LuceneDirectory directory)
    {
        var stopwatch = Stopwatch.StartNew();
        var passages = PassageIndexWriter.Write(directory, documents, progress: null, CancellationToken.None);
        stopwatch.Stop();
        return new BuildTiming(corpus, directoryKind, documents.Count, passages, stopwatch.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// Runs every question once to warm up, then times <paramref name="searches"/> searches one at a
    /// time on this thread, cycling through the questions.
    /// </summary>
    public static LatencyScores Measure(string corpus, PassageSearcher searcher, IReadOnlyList<string> questions, int searches, int top)
    {
        if (questions.Count == 0)
        {
            throw new ArgumentException("No questions to time.", nameof(questions));
        }

        foreach (var question in questions)
        {
            _ = searcher.Search(question, top);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = new double[searches];
        for (var i = 0; i < searches; i++)
        {
            var question = questions[i % questions.Count];
            var start = Stopwatch.GetTimestamp();
            _ = searcher.Search(question, top);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return new LatencyScores(
            corpus, questions.Count, searches, top, Percentile(times, 0.50), Percentile(times, 0.90), Percentile(times, 0.99), times.Average(), times[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Median of the values: the middle one, or the mean of the two middle ones when the count is even.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
