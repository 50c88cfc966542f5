using System.Diagnostics;
using PartyAssistant.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PartyAssistant.Bench;

/// <summary>One grid point (the swept properties' values) and its R@1 on each ALQAC question set.</summary>
public sealed record SweepRow(
    IReadOnlyDictionary<string, float> Settings,
    double R1Y2022Accented,
    double R1Y2022Folded,
    double R1Y2023Accented,
    double R1Y2023Folded)
{
    public double Mean => (this.R1Y2022Accented + this.R1Y2022Folded + this.R1Y2023Accented + this.R1Y2023Folded) / 4;

    /// <summary>The smallest margin over the R@1 targets: positive when all four are met.</summary>
    public double WorstMargin => Math.Min(
        Math.Min(this.R1Y2022Accented, this.R1Y2022Folded) - BenchTargets.R1Y2022,
        Math.Min(this.R1Y2023Accented, this.R1Y2023Folded) - BenchTargets.R1Y2023);
}

/// <summary>
/// Each year's index is built once; every grid point gets a new searcher over it, since the
/// options only shape the searcher (BM25 parameters, field and unit weights).
/// </summary>
public static class SweepBenchmark
{
    /// <summary>The cartesian product of the axes, each applied over a copy of <paramref name="template"/>.</summary>
    public static List<(IReadOnlyDictionary<string, float> Settings, SearchOptions Options)> Grid(SearchOptions template, IReadOnlyList<SweepAxis> axes)
    {
        IEnumerable<Dictionary<string, float>> points = [new Dictionary<string, float>(StringComparer.Ordinal)];
        foreach (var axis in axes)
        {
            points = points.SelectMany(p => axis.Values.Select(v => new Dictionary<string, float>(p, StringComparer.Ordinal) { [axis.Name] = v }));
        }

        return points.Select(settings =>
        {
            var options = BenchOptions.Copy(template);
            foreach (var (name, value) in settings)
            {
                BenchOptions.Set(options, name, value);
            }

            return ((IReadOnlyDictionary<string, float>)settings, options);
        }).ToList();
    }

    public static List<SweepRow> Run(
        IReadOnlyList<(IReadOnlyDictionary<string, float> Settings, SearchOptions Options)> grid,
        (AlqacYear Year, LuceneDirectory Index) y2022,
        (AlqacYear Year, LuceneDirectory Index) y2023,
        TextWriter log)
    {
        var rows = new List<SweepRow>(grid.Count);
        var stopwatch = Stopwatch.StartNew();
        foreach (var (settings, options) in grid)
        {
            var (a22, f22) = RecallAt1(y2022, options);
            var (a23, f23) = RecallAt1(y2023, options);
            var row = new SweepRow(settings, a22, f22, a23, f23);
            rows.Add(row);
            log.WriteLine($"{BenchReport.FormatSweepRow(row)}   [{rows.Count}/{grid.Count}, {stopwatch.Elapsed.TotalSeconds:F0} s]");
        }

        return rows;
    }

    private static (double Accented, double Folded) RecallAt1((AlqacYear Year, LuceneDirectory Index) set, SearchOptions options)
    {
        using var searcher = new PassageSearcher(set.Index, options);
        IReadOnlyList<string> Search(string question) => searcher.Search(question, 1).Select(h => h.PassageId).ToList();
        return (
            RetrievalBenchmark.Evaluate(set.Year.Questions, fold: false, Search).R1,
            RetrievalBenchmark.Evaluate(set.Year.Questions, fold: true, Search).R1);
    }
}
