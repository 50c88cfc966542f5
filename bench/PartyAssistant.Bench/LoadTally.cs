using System.Diagnostics;

namespace PartyAssistant.Bench;

/// <summary>
/// What the Telegram and Zalo OA loads count the same way, from each user's push timestamps and the timestamps of the
/// user's answers in arrival order: Missing, Duplicates (answers too few or too many, summed over users), UsersExact,
/// AnsweredExactlyOnce = Expected - Missing - Duplicates; latency from the k-th push to the k-th answer; wall time from the
/// first push to the last counted answer.
/// </summary>
public sealed record LoadTally(
    int Expected, int Missing, int Duplicates, int UsersExact, int AnsweredExactlyOnce,
    double WallSeconds, double AnswersPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
    IReadOnlyList<double> P50MsByPosition)
{
    /// <param name="pushed">Per user, the Stopwatch timestamp of each question's push (all users ask as many).</param>
    /// <param name="answers">Per user index, the Stopwatch timestamps of that user's answers, oldest first.</param>
    public static LoadTally Count(long[][] pushed, Func<int, IReadOnlyList<long>> answers)
    {
        var (users, questionsPerUser) = (pushed.Length, pushed[0].Length);
        int missing = 0, duplicates = 0, exact = 0;
        var latencies = new List<double>();
        var byPosition = Enumerable.Range(0, questionsPerUser).Select(_ => new List<double>()).ToList();
        var last = pushed[0][0];
        for (var u = 0; u < users; u++)
        {
            var answered = answers(u);
            missing += Math.Max(0, questionsPerUser - answered.Count);
            duplicates += Math.Max(0, answered.Count - questionsPerUser);
            exact += answered.Count == questionsPerUser ? 1 : 0;
            for (var k = 0; k < Math.Min(questionsPerUser, answered.Count); k++)
            {
                var ms = Stopwatch.GetElapsedTime(pushed[u][k], answered[k]).TotalMilliseconds;
                latencies.Add(ms);
                byPosition[k].Add(ms);
                last = Math.Max(last, answered[k]);
            }
        }

        var expected = users * questionsPerUser;
        var times = latencies.Order().ToArray();
        var wall = Stopwatch.GetElapsedTime(pushed.Min(p => p[0]), last).TotalSeconds;
        double P(double p) => times.Length == 0 ? double.NaN : LatencyBenchmark.Percentile(times, p);
        return new LoadTally(
            expected, missing, duplicates, exact, Math.Max(0, expected - missing - duplicates),
            wall, wall > 0 ? times.Length / wall : 0, P(0.50), P(0.95), P(0.99), times.Length == 0 ? double.NaN : times[^1],
            [.. byPosition.Select(l => l.Count == 0 ? double.NaN : LatencyBenchmark.Percentile([.. l.Order()], 0.50))]);
    }
}
