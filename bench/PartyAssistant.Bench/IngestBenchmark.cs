using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PartyAssistant.Corpus;
using PartyAssistant.Fakes;
using PartyAssistant.Ingestion;
using PartyAssistant.Search;
using PartyAssistant.Storage;

namespace PartyAssistant.Bench;

/// <summary>
/// One in-process ingest of the sample PDF into a fresh copy of the shipped corpus, in milliseconds.
/// TotalMs is the whole ingest as the `ingest` command does it (load the corpus, prepare, commit);
/// PrepareMs = extract + recognise + render + parse back; CommitMs = write corpus/&lt;id&gt;.md + rebuild
/// the whole index; ExtractMs is the extraction alone, timed again after the ingest.
/// </summary>
public sealed record IngestRun(int Run, double LoadMs, double PrepareMs, double CommitMs, double TotalMs, double ExtractMs, int IndexDocuments, int IndexPassages);

/// <summary>
/// The ingestion benchmark: a generated 100-page PDF of about 250 articles ingested
/// <see cref="IngestBenchmark.Runs"/> times in this process (the first one cold: JIT included), then
/// once by the built CLI in a fresh process. Articles counts the "Điều N" sections; ClauseSections the
/// "Điều N, khoản K" ones (a khoản with điểm), which a count of labels starting "Điều " would add in.
/// </summary>
public sealed record IngestTiming(
    int ArticlesWritten,
    int Pages,
    int PagesExtracted,
    long PdfBytes,
    double PdfBuildMs,
    string DocumentId,
    int Paragraphs,
    int Passages,
    int Articles,
    int ClauseSections,
    IReadOnlyList<IngestRun> Runs,
    double MaxTotalMs,
    double MedianTotalMs,
    double MaxPrepareMs,
    double MedianPrepareMs,
    double MaxCommitMs,
    double MedianCommitMs,
    double MaxExtractMs,
    double MedianExtractMs,
    string Cli,
    double CliMs);

public static class IngestBenchmark
{
    public const int Runs = 3;

    /// <summary>The articles in the generated regulation (118 A4 pages as SamplePdf lays it out).</summary>
    public const int Articles = 250;

    /// <summary>
    /// Writes the PDF (not timed) under <paramref name="scratch"/>, then ingests it <see cref="Runs"/> times,
    /// each into a fresh copy of <paramref name="corpusDirectory"/> (*.md) with a fresh data folder, and
    /// finally runs `dotnet PartyAssistant.Cli.dll ingest &lt;pdf&gt; --yes` once on another fresh copy.
    /// </summary>
    public static async Task<IngestTiming> MeasureAsync(
        string repoRoot, string corpusDirectory, string scratch, SearchOptions search, TextWriter output, CancellationToken cancellationToken)
    {
        var pdf = Path.Combine(scratch, "quy-dinh-250-dieu.pdf");
        var buildStart = Stopwatch.GetTimestamp();
        var layout = SamplePdf.Write(pdf, SampleDocuments.LargeRegulation(Articles));
        var pdfBuildMs = Stopwatch.GetElapsedTime(buildStart).TotalMilliseconds;

        var runs = new List<IngestRun>();
        IngestPlan? first = null;
        for (var run = 1; run <= Runs; run++)
        {
            var (corpus, data) = FreshCopy(corpusDirectory, Path.Combine(scratch, $"run-{run}"));
            GC.Collect();
            GC.WaitForPendingFinalizers();

            // The whole ingest, as IngestCommand does it with --yes.
            var start = Stopwatch.GetTimestamp();
            var index = new CorpusIndex(
                Options.Create(new CorpusOptions { Directory = corpus }),
                Options.Create(new StorageOptions { DataDirectory = data }),
                Options.Create(search),
                new CorpusLoader(NullLogger<CorpusLoader>.Instance),
                NullLoggerFactory.Instance);
            var ingester = new DocumentIngester(new DocumentTextExtractors(), index, new IngestionOptions(), NullLogger<DocumentIngester>.Instance);
            var existing = (await index.LoadCorpusAsync(cancellationToken)).Documents;
            var loadMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

            var prepareStart = Stopwatch.GetTimestamp();
            var plan = await ingester.PrepareAsync(new IngestRequest(pdf), existing, [], cancellationToken);
            var prepareMs = Stopwatch.GetElapsedTime(prepareStart).TotalMilliseconds;

            var commitStart = Stopwatch.GetTimestamp();
            var manifest = await ingester.CommitAsync([plan], null, cancellationToken);
            var commitMs = Stopwatch.GetElapsedTime(commitStart).TotalMilliseconds;
            var totalMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

            if (!File.Exists(plan.TargetPath) || manifest.Documents != existing.Count + 1)
            {
                throw new InvalidOperationException($"Ingest run {run}: expected {plan.TargetPath} and {existing.Count + 1} documents in the index, got {manifest.Documents}.");
            }

            // Extraction alone (after the ingest, so warm even in the first run).
            var extractStart = Stopwatch.GetTimestamp();
            var extracted = await new DocumentTextExtractors().ExtractAsync(pdf, cancellationToken);
            var extractMs = Stopwatch.GetElapsedTime(extractStart).TotalMilliseconds;
            if (extracted.Paragraphs.Count != plan.Extracted.Paragraphs.Count)
            {
                throw new InvalidOperationException($"Ingest run {run}: extraction alone gave {extracted.Paragraphs.Count} paragraphs, the ingest {plan.Extracted.Paragraphs.Count}.");
            }

            first ??= plan;
            runs.Add(new IngestRun(run, loadMs, prepareMs, commitMs, totalMs, extractMs, manifest.Documents, manifest.Passages));
        }

        // The command itself in a fresh process: startup, JIT, composition, ingest and index rebuild.
        var cli = await ColdStartBenchmark.BuildCliAsync(repoRoot, output, cancellationToken);
        var (cliCorpus, cliData) = FreshCopy(corpusDirectory, Path.Combine(scratch, "cli"));
        var environment = new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = cliData,
            ["Corpus__Directory"] = cliCorpus,
        };
        var cliRun = await ColdStartBenchmark.RunAsync(repoRoot, [cli, "ingest", pdf, "--yes"], environment, cancellationToken);
        if (cliRun.ExitCode != 0 || !File.Exists(Path.Combine(cliCorpus, first!.Id + ".md")))
        {
            throw new InvalidOperationException(
                $"The CLI's ingest exited with code {cliRun.ExitCode} without writing {first!.Id}.md:\n{cliRun.Stdout}{cliRun.Stderr}");
        }

        // Articles are the "Điều N" sections; a khoản with điểm is a section too ("Điều N, khoản K").
        var dieu = first.Document.Sections.Where(s => s.LabelPart.StartsWith("Điều ", StringComparison.Ordinal)).ToList();
        var articles = dieu.Count(s => s.IsArticle);
        return new IngestTiming(
            Articles, layout.PageCount, first.Extracted.PageCount, new FileInfo(pdf).Length, pdfBuildMs,
            first.Id, first.Extracted.Paragraphs.Count, first.Document.Passages.Count, articles, dieu.Count - articles, runs,
            runs.Max(r => r.TotalMs), LatencyBenchmark.Median(runs.Select(r => r.TotalMs)),
            runs.Max(r => r.PrepareMs), LatencyBenchmark.Median(runs.Select(r => r.PrepareMs)),
            runs.Max(r => r.CommitMs), LatencyBenchmark.Median(runs.Select(r => r.CommitMs)),
            runs.Max(r => r.ExtractMs), LatencyBenchmark.Median(runs.Select(r => r.ExtractMs)),
            cli, cliRun.Milliseconds);
    }

    /// <summary>A copy of the corpus's *.md files and an empty data folder under <paramref name="folder"/>.</summary>
    private static (string Corpus, string Data) FreshCopy(string corpusDirectory, string folder)
    {
        var corpus = Directory.CreateDirectory(Path.Combine(folder, "corpus")).FullName;
        var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
        foreach (var file in Directory.EnumerateFiles(corpusDirectory, "*.md"))
        {
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        }

        return (corpus, data);
    }
}
