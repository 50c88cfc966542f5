using System.Text.Json;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAssistant.Corpus;
using PartyAssistant.Evaluation;
using PartyAssistant.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PartyAssistant.Bench;

/// <summary>Runs the benchmark in order: ingestion, ALQAC indexes and retrieval, the shipped corpus, latency, answers, Telegram and Zalo OA load, targets, sweep.</summary>
public sealed class BenchRunner(BenchOptions options, TextWriter output) : IDisposable
{
    private const int Top = RetrievalBenchmark.Depth;

    private readonly string scratch = Path.Combine(Path.GetTempPath(), $"partyassistant-bench-{Environment.ProcessId}");
    private readonly List<LuceneDirectory> directories = [];

    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.Now;
        var machine = MachineInfo.Current();
        var described = BenchOptions.Describe(options.Search);
        BenchReport.PrintMachine(output, machine, described, options.TitleAsHeading);

        // Ingestion first, so its first run is in a cold process (nothing JIT-compiled yet).
        IngestTiming? ingest = null;
        if (!options.SkipIngest && !options.SweepOnly)
        {
            ingest = await IngestBenchmark.MeasureAsync(
                options.RepoRoot, options.CorpusDirectory, this.NewScratchFolder("ingest"), BenchOptions.Copy(options.Search), output, cancellationToken);
            BenchReport.PrintIngest(output, ingest);
        }

        var builds = new List<BuildTiming>();
        var alqac = options.SkipAlqac ? null : this.LoadAndBuildAlqac(builds);
        if (alqac is not null && options.SweepOnly)
        {
            return new BenchResult(started, machine, described, options.TitleAsHeading, [], builds, [], [], this.Sweep(alqac), null, null, null, null, null, null);
        }

        var retrieval = alqac is null ? [] : await this.RetrievalAsync(alqac, cancellationToken);

        // The shipped corpus: load, build, and time searches with the dev questions.
        var corpus = await new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(options.CorpusDirectory, cancellationToken);
        if (corpus.Errors.Count > 0)
        {
            output.WriteLine($"Warning: {corpus.Errors.Count} corpus file(s) skipped: {string.Join("; ", corpus.Errors.Select(e => e.Message))}");
        }

        var shippedIndex = this.NewFsDirectory("shipped");
        builds.Add(LatencyBenchmark.TimeBuild($"shipped corpus ({Path.GetFileName(options.CorpusDirectory)})", "FSDirectory (warm)", corpus.Documents, shippedIndex));
        var (devQuestions, answerable, seedQuestion) = await ReadDevQuestionsAsync(options.DevQuestionsFile, cancellationToken);

        var latency = new List<LatencyScores>();
        using (var searcher = new PassageSearcher(shippedIndex, options.Search))
        {
            latency.Add(LatencyBenchmark.Measure("shipped corpus, dev questions", searcher, devQuestions, options.Searches, Top));
        }

        if (alqac is not null)
        {
            using var searcher = new PassageSearcher(alqac.Index2023, options.Search);
            latency.Add(LatencyBenchmark.Measure("ALQAC 2023, accented", searcher, [.. alqac.Y2023.Questions.Select(q => q.Text)], options.Searches, Top));
            latency.Add(LatencyBenchmark.Measure("ALQAC 2023, no diacritics", searcher,
                [.. alqac.Y2023.Questions.Select(q => RetrievalBenchmark.Prepare(q.Text, fold: true))], options.Searches, Top));
        }

        BenchReport.PrintTimings(output, builds, latency);

        // Answers: the offline pipeline in this process (warm), then the built CLI in fresh processes (cold).
        var tools = TrainerToolsBenchmark.Measure(corpus);
        BenchReport.PrintTools(output, tools);

        var answers = await AnswerBenchmark.MeasureAsync(
            "shipped corpus, dev questions", options.CorpusDirectory, this.NewScratchFolder("answers-data"), devQuestions, options.Asks, cancellationToken);
        var coldStart = await ColdStartBenchmark.MeasureAsync(
            options.RepoRoot, options.CorpusDirectory, this.NewScratchFolder("cold-start-data"), seedQuestion, output, cancellationToken);
        BenchReport.PrintAnswers(output, answers, coldStart);

        var trust = await TrustBenchmark.MeasureAsync(
            options.CorpusDirectory, this.NewScratchFolder("trust-data"),
            [("dev", await EvalQuestion.LoadAsync(options.DevQuestionsFile, cancellationToken)),
             ("scope", await EvalQuestion.LoadAsync(options.ScopeQuestionsFile, cancellationToken))],
            cancellationToken);
        BenchReport.PrintTrust(output, trust);

        TelegramLoad? telegram = null;
        if (!options.SkipTelegram)
        {
            telegram = await TelegramLoadBenchmark.MeasureAsync(
                options.CorpusDirectory, this.NewScratchFolder("telegram-data"), answerable, options.TelegramUsers, options.TelegramQuestions, cancellationToken);
            BenchReport.PrintTelegramLoad(output, telegram);
        }

        ZaloOaLoad? zalo = null;
        if (!options.SkipZalo)
        {
            zalo = await ZaloOaLoadBenchmark.MeasureAsync(
                options.CorpusDirectory, this.NewScratchFolder("zalo-oa-data"), answerable, options.ZaloUsers, options.ZaloQuestions, cancellationToken);
            BenchReport.PrintZaloOaLoad(output, zalo);
        }

        var targets = Targets(retrieval, alqac is null ? null : builds[0], latency[0], answers, coldStart, trust, telegram, zalo, ingest);
        BenchReport.PrintTargets(output, targets);

        var sweep = alqac is not null && options.Sweep ? this.Sweep(alqac) : null;
        return new BenchResult(started, machine, described, options.TitleAsHeading, retrieval, builds, latency, targets, sweep, answers, coldStart, trust, telegram, zalo, ingest);
    }

    public void Dispose()
    {
        foreach (var directory in this.directories)
        {
            directory.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(this.scratch, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Loads both ALQAC years and builds their indexes, adding the build timings.</summary>
    private AlqacIndexes LoadAndBuildAlqac(List<BuildTiming> builds)
    {
        output.WriteLine($"ALQAC data: {options.AlqacDirectory}");
        var y2022 = AlqacData.Load2022(options.AlqacDirectory);
        var y2023 = AlqacData.Load2023(options.AlqacDirectory);
        var docs2022 = y2022.ToCorpusDocuments(options.TitleAsHeading);
        var docs2023 = y2023.ToCorpusDocuments(options.TitleAsHeading);
        output.WriteLine($"  2022: {y2022.Laws.Count} laws, {y2022.ArticleCount} articles, {y2022.Questions.Count} questions");
        output.WriteLine($"  2023: {y2023.Laws.Count} laws, {y2023.ArticleCount} articles, {y2023.Questions.Count} questions");
        output.WriteLine();

        // The 2023 FSDirectory build runs first, in a cold process (JIT included): the conservative figure.
        var index2023 = this.NewFsDirectory("alqac-2023");
        builds.Add(LatencyBenchmark.TimeBuild("ALQAC 2023", "FSDirectory (cold)", docs2023, index2023));
        using (var ram = new RAMDirectory())
        {
            builds.Add(LatencyBenchmark.TimeBuild("ALQAC 2023", "RAMDirectory (warm)", docs2023, ram));
        }

        builds.Add(LatencyBenchmark.TimeBuild("ALQAC 2023", "FSDirectory (warm)", docs2023, this.NewFsDirectory("alqac-2023-warm")));
        var index2022 = this.NewFsDirectory("alqac-2022");
        builds.Add(LatencyBenchmark.TimeBuild("ALQAC 2022", "FSDirectory (warm)", docs2022, index2022));
        return new AlqacIndexes(y2022, index2022, y2023, index2023);
    }

    /// <summary>R@k of PartyAssistant and the baseline on both years, accented and folded; writes --misses and prints the table.</summary>
    private async Task<List<RetrievalRun>> RetrievalAsync(AlqacIndexes alqac, CancellationToken cancellationToken)
    {
        var retrieval = new List<RetrievalRun>();
        var misses = new List<(string Year, string Variant, QuestionOutcome Outcome)>();
        foreach (var (year, index) in new[] { (alqac.Y2022, alqac.Index2022), (alqac.Y2023, alqac.Index2023) })
        {
            using var searcher = new PassageSearcher(index, options.Search);
            using var baseline = new StandardAnalyzerBaseline(year.Units);
            foreach (var fold in new[] { false, true })
            {
                var variant = fold ? RetrievalBenchmark.Folded : RetrievalBenchmark.Accented;
                var outcomes = RetrievalBenchmark.Outcomes(year.Questions, fold, q => searcher.Search(q, Top).Select(h => h.PassageId).ToList());
                misses.AddRange(outcomes.Where(o => o.Rank != 1).Select(o => (year.Name, variant, o)));
                retrieval.Add(new RetrievalRun("PartyAssistant", year.Name, variant, RetrievalBenchmark.Score([.. outcomes.Select(o => o.Rank)])));
                retrieval.Add(new RetrievalRun(StandardAnalyzerBaseline.Name, year.Name, variant,
                    RetrievalBenchmark.Evaluate(year.Questions, fold, q => baseline.Search(q, Top))));
            }
        }

        if (options.MissesFile is { } missesFile)
        {
            await File.WriteAllLinesAsync(missesFile, misses.Select(m => JsonSerializer.Serialize(new { year = m.Year, questions = m.Variant, m.Outcome })), cancellationToken);
            output.WriteLine($"{misses.Count} questions not ranked first written to {missesFile}");
        }

        BenchReport.PrintRetrieval(output, [.. retrieval.OrderBy(r => r.System != "PartyAssistant")]);
        return retrieval;
    }

    private List<SweepRow> Sweep(AlqacIndexes alqac)
    {
        var grid = SweepBenchmark.Grid(options.Search, options.SweepAxes);
        output.WriteLine($"Sweep: {grid.Count} settings over {string.Join(", ", options.SweepAxes.Select(a => a.Name))}; other options as above. R@1:");
        output.WriteLine(BenchReport.FormatSweepHeader(options.SweepAxes.Select(a => a.Name)));
        var rows = SweepBenchmark.Run(grid, (alqac.Y2022, alqac.Index2022), (alqac.Y2023, alqac.Index2023), output);
        output.WriteLine();
        BenchReport.PrintSweepSummary(output, rows);
        return rows;
    }

    /// <summary>The targets: the ALQAC ones only when ALQAC ran (<paramref name="build2023"/> not null), the ingestion one when it ran.</summary>
    private static List<TargetCheck> Targets(
        IReadOnlyList<RetrievalRun> retrieval, BuildTiming? build2023, LatencyScores shipped, AnswerLatency answers, ColdStartTiming coldStart,
        TrustResult trust, TelegramLoad? telegram, ZaloOaLoad? zalo, IngestTiming? ingest)
    {
        double R1(string year, string variant) =>
            retrieval.Single(r => r.System == "PartyAssistant" && r.Year == year && r.Questions == variant).Scores.R1;
        List<TargetCheck> targets = build2023 is null ? [] :
        [
            BenchTargets.AtLeast("ALQAC 2022 R@1, accented", BenchTargets.R1Y2022, R1("2022", RetrievalBenchmark.Accented)),
            BenchTargets.AtLeast("ALQAC 2022 R@1, no diacritics", BenchTargets.R1Y2022, R1("2022", RetrievalBenchmark.Folded)),
            BenchTargets.AtLeast("ALQAC 2023 R@1, accented", BenchTargets.R1Y2023, R1("2023", RetrievalBenchmark.Accented)),
            BenchTargets.AtLeast("ALQAC 2023 R@1, no diacritics", BenchTargets.R1Y2023, R1("2023", RetrievalBenchmark.Folded)),
        ];
        targets.Add(BenchTargets.AtMost("shipped corpus search p50 (ms)", BenchTargets.ShippedP50Ms, shipped.P50Ms));
        targets.Add(BenchTargets.AtMost("shipped corpus search p99 (ms)", BenchTargets.ShippedP99Ms, shipped.P99Ms));
        if (build2023 is not null)
        {
            targets.Add(BenchTargets.AtMost("ALQAC 2023 index build, FS (ms)", BenchTargets.Alqac2023BuildMs, build2023.Milliseconds));
        }

        targets.Add(BenchTargets.AtMost("offline ask p50, warm (ms)", BenchTargets.AskP50Ms, answers.P50Ms));
        targets.Add(BenchTargets.AtMost("CLI cold start ask, median (ms)", BenchTargets.ColdStartMs, coldStart.MedianMs));
        foreach (var run in trust.Runs)
        {
            // Every out-of-scope question refused; few answerable ones refused; what is answered says what it must and cites truly.
            var name = $"{run.Set} set, {run.Variant}";
            targets.Add(BenchTargets.AtLeast($"{name}: out-of-scope refused (share)", 1, run.OutOfScope == 0 ? 1 : run.OutOfScopeRefused / (double)run.OutOfScope));
            targets.Add(BenchTargets.AtMost($"{name}: false abstentions", BenchTargets.FalseAbstentions, run.Metrics.FalseAbstentions));
            if (run.Metrics.AnswerContains is { } contains)
            {
                targets.Add(BenchTargets.AtLeast($"{name}: answer_contains", BenchTargets.AnswerContains, contains));
            }

            if (run.Metrics.CitationValidity is { } validity)
            {
                targets.Add(BenchTargets.AtLeast($"{name}: citation validity", 1, validity));
            }
        }
        if (ingest is not null)
        {
            // The worst in-process run (the first, cold, as a rule); the page count is printed with the ingestion figures.
            targets.Add(BenchTargets.AtMost("ingest 100-page PDF (s)", BenchTargets.IngestSeconds, ingest.MaxTotalMs / 1000));
        }

        if (telegram is not null)
        {
            // Met only with no answer missing and none duplicated.
            targets.Add(BenchTargets.AtLeast($"Telegram load: {telegram.Expected} answered exactly once", telegram.Expected, telegram.AnsweredExactlyOnce));
        }

        if (zalo is not null)
        {
            // Met only with no answer missing and none duplicated (redeliveries included).
            targets.Add(BenchTargets.AtLeast($"Zalo OA load: {zalo.Expected} answered exactly once", zalo.Expected, zalo.AnsweredExactlyOnce));
        }

        return targets;
    }

    /// <summary>
    /// The dev questions, the answerable ones (the Telegram and Zalo OA loads ask them), and the one the cold-start runs ask:
    /// the first answerable question with evidence spans (they come from the seed document).
    /// </summary>
    private static async Task<(List<string> Questions, List<string> Answerable, string Seed)> ReadDevQuestionsAsync(string path, CancellationToken cancellationToken)
    {
        var all = await EvalQuestion.LoadAsync(path, cancellationToken);
        var seed = all.FirstOrDefault(q => q.Answerable && q.EvidenceAny.Count > 0)?.Question
            ?? throw new InvalidDataException($"{path}: no answerable question with evidence in the seed document.");
        return ([.. all.Select(q => q.Question)], [.. all.Where(q => q.Answerable).Select(q => q.Question)], seed);
    }

    /// <summary>A fresh folder under this run's scratch folder (deleted with it).</summary>
    private string NewScratchFolder(string name) => System.IO.Directory.CreateDirectory(Path.Combine(this.scratch, name)).FullName;

    private FSDirectory NewFsDirectory(string name)
    {
        var directory = FSDirectory.Open(System.IO.Directory.CreateDirectory(Path.Combine(this.scratch, name)));
        this.directories.Add(directory);
        return directory;
    }
}

/// <summary>The two ALQAC years and their FSDirectory indexes.</summary>
internal sealed record AlqacIndexes(AlqacYear Y2022, LuceneDirectory Index2022, AlqacYear Y2023, LuceneDirectory Index2023);
