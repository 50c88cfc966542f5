using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyAssistant.Answering;
using PartyAssistant.Fakes;
using PartyAssistant.Hosting;
using PartyAssistant.Search;

namespace PartyAssistant.Bench;

/// <summary>One corpus size: how the index is built, opened and searched, and what an ask costs, warm and cold.</summary>
public sealed record ScaleRow(
    int TargetPassages,
    int Passages,
    int Documents,
    double IndexBuildMs,
    double IndexPeakRssMb,
    double IndexSizeMb,
    double WarmSearchP50Ms,
    double WarmSearchP99Ms,
    double WarmAskP50Ms,
    double WarmAskP99Ms,
    double ColdAskMedianMs,
    double IngestOneMs,
    int PoolAgreements,
    int Questions);

/// <summary>
/// Corpora of N passages built from the ALQAC laws (one passage per paragraph of an article, about a khoản), copied
/// under new document ids when the laws run out; each written as corpus files and measured through the CLI (index build,
/// peak memory, cold ask, one 250-article ingest) and in process (warm search and ask over the ALQAC questions).
/// Run with `--scale 1000,10000,100000`; the shipped corpus (a copy) is measured first, in the same run, as the base of the
/// ratios. Nothing is written outside the scratch folder.
/// </summary>
public static class ScaleBenchmark
{
    private const int TimedQuestions = 200;

    public static async Task<IReadOnlyList<ScaleRow>> RunAsync(string repoRoot, string alqacDirectory, IReadOnlyList<int> sizes, TextWriter output, CancellationToken cancellationToken)
    {
        var years = new[] { AlqacData.Load2022(alqacDirectory), AlqacData.Load2023(alqacDirectory) };
        var questions = years.SelectMany(y => y.Questions).Select(q => q.Text).Take(TimedQuestions).ToList();
        var cli = await ColdStartBenchmark.BuildCliAsync(repoRoot, output, cancellationToken);
        var scratch = Path.Combine(Path.GetTempPath(), $"pa-scale-{Environment.ProcessId}");
        var rows = new List<ScaleRow>();
        try
        {
            foreach (var size in sizes.Prepend(0))
            {
                var folder = Path.Combine(scratch, size.ToString(CultureInfo.InvariantCulture));
                var corpus = Path.Combine(folder, "corpus");
                var data = Path.Combine(folder, "data");
                var (documents, passages) = size == 0 ? await CopyShippedAsync(Path.Combine(repoRoot, "corpus"), corpus, cancellationToken) : WriteCorpus(years, corpus, size);
                output.WriteLine($"{(size == 0 ? "shipped corpus" : $"scale {size}")}: {passages} passages in {documents} documents");
                var environment = new Dictionary<string, string> { ["Storage__DataDirectory"] = data, ["Corpus__Directory"] = corpus };

                var (build, peak) = await RunWithPeakAsync(repoRoot, [cli, "index"], environment, cancellationToken);
                var indexSize = DirectorySize(Path.Combine(data, "index")) / 1024.0 / 1024.0;
                output.WriteLine($"  index: {build:0} ms, peak RSS {peak:0} MB, {indexSize:0.0} MB on disk");

                var (searchP50, searchP99, askP50, askP99, agreements) = await WarmAsync(corpus, data, questions, cancellationToken);
                output.WriteLine($"  warm search p50/p99 {searchP50:0.00}/{searchP99:0.00} ms; warm ask p50/p99 {askP50:0.00}/{askP99:0.00} ms; pool's first passage = whole query's: {agreements}/{questions.Count}");

                var cold = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    var run = await ColdStartBenchmark.RunAsync(repoRoot, [cli, "ask", questions[i]], environment, cancellationToken);
                    cold.Add(run.Milliseconds);
                }

                var coldMedian = LatencyBenchmark.Median(cold);
                output.WriteLine($"  cold ask median of 3: {coldMedian:0} ms");

                // One 250-article regulation ingested into this corpus, as an office would: the PDF the ingest bench uses.
                var regulation = Path.Combine(folder, "quy-dinh-250-dieu.pdf");
                SamplePdf.Write(regulation, SampleDocuments.LargeRegulation(250));
                var ingest = await ColdStartBenchmark.RunAsync(repoRoot, [cli, "ingest", regulation, "--yes"], environment, cancellationToken);
                if (ingest.ExitCode != 0)
                {
                    output.WriteLine($"  ingest failed ({ingest.ExitCode}): {ingest.Stderr.Trim()}");
                }

                output.WriteLine($"  ingest one 250-article document: {ingest.Milliseconds:0} ms");
                rows.Add(new ScaleRow(size, passages, documents, build, peak, indexSize, searchP50, searchP99, askP50, askP99, coldMedian, ingest.ExitCode == 0 ? ingest.Milliseconds : double.NaN, agreements, questions.Count));
                Directory.Delete(folder, recursive: true);
            }
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        output.WriteLine();
        // Ratios against the shipped corpus, measured in this run (the issue's targets: warm ask ≤ 3× at 100k and ≤ 5× at 1M, cold ≤ 2.5×).
        var shipped = rows[0];
        output.WriteLine("| passages | index build / peak RSS | index size | warm search p50 / p99 | warm ask p50 / p99 (× shipped) | cold ask (× shipped) | ingest 250 articles | pool top-1 = whole |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(r.TargetPassages == 0 ? "shipped, " : string.Empty)}{r.Passages:N0} | {r.IndexBuildMs / 1000:0.0} s / {r.IndexPeakRssMb:0} MB | {r.IndexSizeMb:0.0} MB | {r.WarmSearchP50Ms:0.00} / {r.WarmSearchP99Ms:0.00} ms | {r.WarmAskP50Ms:0.0} / {r.WarmAskP99Ms:0.0} ms ({r.WarmAskP50Ms / shipped.WarmAskP50Ms:0.0}×) | {r.ColdAskMedianMs / 1000:0.00} s ({r.ColdAskMedianMs / shipped.ColdAskMedianMs:0.0}×) | {r.IngestOneMs / 1000:0.0} s | {r.PoolAgreements}/{r.Questions} |"));
        }

        return rows;
    }

    /// <summary>Laws written as corpus files until <paramref name="target"/> passages; copies of the laws get new ids.</summary>
    private static (int Documents, int Passages) WriteCorpus(IReadOnlyList<AlqacYear> years, string corpus, int target)
    {
        Directory.CreateDirectory(corpus);
        var laws = years.SelectMany(y => y.Laws).ToList();
        int documents = 0, passages = 0;
        for (var copy = 0; passages < target; copy++)
        {
            foreach (var law in laws)
            {
                if (passages >= target)
                {
                    break;
                }

                var id = $"luat-{documents:D5}";
                var body = new StringBuilder();
                body.Append(CultureInfo.InvariantCulture, $"---\nid: {id}\ntype: Quy định\nnumber: {documents + 1}-QĐ/ĐUK\ntitle: Quy định thử theo luật {law.Id} (bản {copy + 1})\nkind: official-text\n---\n\n");
                foreach (var article in law.Articles)
                {
                    if (passages >= target)
                    {
                        break;
                    }

                    var lines = article.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (lines.Length == 0)
                    {
                        continue;
                    }

                    var paragraphs = lines.Length > 1 ? lines[1..] : lines;
                    body.Append(CultureInfo.InvariantCulture, $"## Điều {article.Id}. {lines[0].TrimStart('#', ' ')}\n\n");
                    foreach (var paragraph in paragraphs)
                    {
                        body.Append(paragraph.TrimStart('#', ' ')).Append("\n\n");
                        passages++;
                    }
                }

                File.WriteAllText(Path.Combine(corpus, id + ".md"), body.ToString());
                documents++;
            }
        }

        return (documents, passages);
    }

    /// <summary>A copy of the shipped corpus, so the ingest does not touch the repository's.</summary>
    private static async Task<(int Documents, int Passages)> CopyShippedAsync(string from, string corpus, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(corpus);
        foreach (var file in Directory.EnumerateFiles(from, "*.md"))
        {
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        }

        var loaded = await new Corpus.CorpusLoader(Microsoft.Extensions.Logging.Abstractions.NullLogger<Corpus.CorpusLoader>.Instance).LoadAsync(corpus, cancellationToken);
        return (loaded.Documents.Count, loaded.Documents.Sum(d => d.Passages.Count));
    }

    private static async Task<(double SearchP50, double SearchP99, double AskP50, double AskP99, int PoolAgreements)> WarmAsync(
        string corpus, string data, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = corpus,
            ["Storage:DataDirectory"] = data,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddPartyAssistantAnswering(configuration).BuildServiceProvider();
        var provider = services.GetRequiredService<SearchIndexProvider>();
        var pipeline = services.GetRequiredService<AnswerPipeline>();
        var index = await provider.GetAsync(cancellationToken);
        foreach (var question in questions.Take(20))
        {
            index.Searcher.Search(question, 20);
            await pipeline.AskAsync(question, null, cancellationToken);
        }

        var searches = new List<double>();
        var asks = new List<double>();
        var agreements = 0;
        var search = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SearchOptions>>().Value;
        var large = search.LargeIndexDocuments;
        foreach (var question in questions)
        {
            var start = Stopwatch.GetTimestamp();
            var hits = index.Searcher.Search(question, 20);
            searches.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            start = Stopwatch.GetTimestamp();
            await pipeline.AskAsync(question, null, cancellationToken);
            asks.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            // What the pool costs in quality: the first passage the whole query would have ranked first (untimed).
            search.LargeIndexDocuments = int.MaxValue;
            var whole = index.Searcher.Search(question, 1);
            search.LargeIndexDocuments = large;
            agreements += hits.Count > 0 && whole.Count > 0 && hits[0].PassageId == whole[0].PassageId || hits.Count == whole.Count && hits.Count == 0 ? 1 : 0;
        }

        return (Percentile(searches, 0.5), Percentile(searches, 0.99), Percentile(asks, 0.5), Percentile(asks, 0.99), agreements);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static long DirectorySize(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    /// <summary>A CLI run timed to exit, with its peak resident memory; a failed run stops the benchmark.</summary>
    private static async Task<(double Ms, double PeakMb)> RunWithPeakAsync(string repoRoot, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var (run, peak) = await ColdStartBenchmark.RunSampledAsync(repoRoot, arguments, environment, cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} exited {run.ExitCode}: {run.Stdout}{run.Stderr}");
        }

        return (run.Milliseconds, peak);
    }
}
