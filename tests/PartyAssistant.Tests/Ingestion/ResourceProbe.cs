using System.Diagnostics;

namespace PartyAssistant.Tests.Ingestion;

/// <summary>What a piece of work cost: time, and how far the process's working set rose above where it started.</summary>
internal sealed record ResourceUse(TimeSpan Elapsed, long PeakGrowthBytes, long AllocatedBytes)
{
    public override string ToString() =>
        $"{this.Elapsed.TotalSeconds:0.00} s, working set +{this.PeakGrowthBytes / 1_000_000.0:0} MB at most, {this.AllocatedBytes / 1_000_000.0:0} MB allocated";
}

/// <summary>
/// Measures one piece of work. The working set is sampled every 10 ms while it runs: the process's
/// own peak counter never goes down, so it cannot say what one test added after another's peak.
/// Meaningful only when nothing else runs in the process (see <see cref="HostileFileCollection"/>).
/// </summary>
internal static class ResourceProbe
{
    public static async Task<(T Result, ResourceUse Use)> MeasureAsync<T>(Func<Task<T>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = WorkingSet();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, WorkingSet());
                await Task.Delay(10, CancellationToken.None);
            }
        });

        var started = Stopwatch.GetTimestamp();
        var result = await work();
        var elapsed = Stopwatch.GetElapsedTime(started);
        await stop.CancelAsync();
        await sampler;
        peak = Math.Max(peak, WorkingSet());
        return (result, new ResourceUse(elapsed, peak - baseline, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore));
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}

/// <summary>Tests that measure memory run alone, after the others: another test's allocations would count as theirs.</summary>
[CollectionDefinition(nameof(HostileFileCollection), DisableParallelization = true)]
public sealed class HostileFileCollection;
