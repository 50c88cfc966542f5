using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using PartyAssistant.Evaluation;

namespace PartyAssistant.Bench;

public sealed record MachineInfo(int ProcessorCount, string Cpu, string Os, string Architecture, string Runtime, bool ServerGc)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        CpuName(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        System.Runtime.GCSettings.IsServerGC);

    private static string CpuName()
    {
        const string cpuinfo = "/proc/cpuinfo";
        var line = File.Exists(cpuinfo) ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? "unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}

/// <summary>A target and how far the measured figure is from it (positive gap: met with that margin).</summary>
public sealed record TargetCheck(string Name, string Comparison, double Target, double Actual, bool Met, double Margin);

public static class BenchTargets
{
    public const double R1Y2022 = 0.92;
    public const double R1Y2023 = 0.78;
    public const double ShippedP50Ms = 2;
    public const double ShippedP99Ms = 10;
    public const double Alqac2023BuildMs = 5000;
    public const double AskP50Ms = 20;
    public const double ColdStartMs = 2000;
    public const double IngestSeconds = 10;
    public const double FalseAbstentions = 0.05;
    public const double AnswerContains = 0.90;

    public static TargetCheck AtLeast(string name, double target, double actual) => new(name, ">=", target, actual, actual >= target, actual - target);

    public static TargetCheck AtMost(string name, double target, double actual) => new(name, "<=", target, actual, actual <= target, target - actual);
}

/// <summary>Everything one run measured: what --json writes (no answers in a --sweep-only run).</summary>
public sealed record BenchResult(
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    IReadOnlyDictionary<string, double> SearchOptions,
    bool ArticleTitleAsHeading,
    IReadOnlyList<RetrievalRun> Retrieval,
    IReadOnlyList<BuildTiming> Builds,
    IReadOnlyList<LatencyScores> Latency,
    IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<SweepRow>? Sweep,
    AnswerLatency? Answers,
    ColdStartTiming? ColdStart,
    TrustResult? Trust,
    TelegramLoad? Telegram,
    ZaloOaLoad? ZaloOa,
    IngestTiming? Ingest);

/// <summary>The tables printed to stdout, and the JSON file.</summary>
public static class BenchReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void PrintMachine(TextWriter o, MachineInfo m, IReadOnlyDictionary<string, double> options, bool titleAsHeading)
    {
        o.WriteLine($"Machine: {m.ProcessorCount} logical CPUs ({m.Cpu}), {m.Os} {m.Architecture}, {m.Runtime}, {(m.ServerGc ? "server" : "workstation")} GC");
        o.WriteLine("SearchOptions: " + string.Join(", ", options.Select(kv => $"{kv.Key}={kv.Value.ToString("0.###", Inv)}")));
        o.WriteLine($"ALQAC passages: one per article{(titleAsHeading ? ", article title line also as heading" : ", no heading")}");
        o.WriteLine();
    }

    public static void PrintRetrieval(TextWriter o, IReadOnlyList<RetrievalRun> runs)
    {
        o.WriteLine($"ALQAC retrieval (hit@k: any gold article in the top k, k ≤ {RetrievalBenchmark.Depth})");
        o.WriteLine($"{"system",-24} {"year",-5} {"questions",-14} {"n",5} {"R@1",7} {"R@5",7} {"R@10",7} {"MRR@10",7}");
        foreach (var r in runs)
        {
            var s = r.Scores;
            o.WriteLine(string.Create(Inv, $"{r.System,-24} {r.Year,-5} {r.Questions,-14} {s.Questions,5} {s.R1,7:F3} {s.R5,7:F3} {s.R10,7:F3} {s.Mrr10,7:F3}"));
        }

        o.WriteLine();
    }

    public static void PrintTimings(TextWriter o, IReadOnlyList<BuildTiming> builds, IReadOnlyList<LatencyScores> latency)
    {
        o.WriteLine("Index build (PassageIndexWriter.Write, commit included)");
        o.WriteLine($"{"corpus",-28} {"directory",-22} {"documents",9} {"passages",9} {"ms",9}");
        foreach (var b in builds)
        {
            o.WriteLine(string.Create(Inv, $"{b.Corpus,-28} {b.Directory,-22} {b.Documents,9} {b.Passages,9} {b.Milliseconds,9:F0}"));
        }

        o.WriteLine();
        o.WriteLine("Search latency (warm, one thread, PassageSearcher.Search)");
        o.WriteLine($"{"corpus / questions",-34} {"q",4} {"searches",8} {"top",4} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"mean ms",8} {"max ms",8}");
        foreach (var l in latency)
        {
            o.WriteLine(string.Create(Inv, $"{l.Corpus,-34} {l.Questions,4} {l.Searches,8} {l.Top,4} {l.P50Ms,8:F3} {l.P90Ms,8:F3} {l.P99Ms,8:F3} {l.MeanMs,8:F3} {l.MaxMs,8:F2}"));
        }

        o.WriteLine();
    }

    public static void PrintAnswers(TextWriter o, AnswerLatency a, ColdStartTiming c)
    {
        o.WriteLine("Answer latency (warm, one thread, offline AnswerPipeline.AskAsync; first = first warm-up ask, building the index)");
        o.WriteLine($"{"corpus / questions",-34} {"q",4} {"answered",8} {"first ms",8} {"asks",6} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"mean ms",8} {"max ms",8}");
        o.WriteLine(string.Create(Inv,
            $"{a.Corpus,-34} {a.Questions,4} {a.Answered,8} {a.FirstAskMs,8:F0} {a.Asks,6} {a.P50Ms,8:F3} {a.P90Ms,8:F3} {a.P99Ms,8:F3} {a.MeanMs,8:F3} {a.MaxMs,8:F2}"));
        o.WriteLine();
        o.WriteLine($"CLI cold start (dotnet {Path.GetFileName(c.Cli)} ask, process start to exit): \"{c.Question}\"");
        o.WriteLine(string.Create(Inv, $"  first run, building the index: {c.IndexBuildRunMs,6:F0} ms"));
        o.WriteLine(string.Create(Inv,
            $"  index built, {c.RunsMs.Count} runs: {string.Join(", ", c.RunsMs.Select(ms => ms.ToString("F0", Inv)))} ms; min {c.MinMs:F0} ms, median {c.MedianMs:F0} ms"));
        o.WriteLine();
    }

    public static void PrintTrust(TextWriter o, TrustResult t)
    {
        string F(double? value) => value is { } v ? v.ToString("F3", Inv) : "-";
        o.WriteLine("Answer trust (offline AnswerPipeline over the dev and scope sets, scored as `eval` scores them)");
        o.WriteLine($"{"set",-6} {"questions",-14} {"q",4} {"out refused",11} {"false abst.",11} {"contains",8} {"lead_hit",8} {"citations",9} {"answer/related/not covered",27}");
        foreach (var r in t.Runs)
        {
            var outcomes = $"{Count(r.Metrics, "answer")}/{Count(r.Metrics, "related")}/{Count(r.Metrics, "not_covered")}";
            o.WriteLine(
                $"{r.Set,-6} {r.Variant,-14} {r.Questions,4} {$"{r.OutOfScopeRefused}/{r.OutOfScope}",11} {$"{r.FalseAbstentions}/{r.Answerable}",11} " +
                $"{F(r.Metrics.AnswerContains),8} {F(r.Metrics.LeadHit),8} {F(r.Metrics.CitationValidity),9} {outcomes,27}");
        }

        o.WriteLine(string.Create(Inv,
            $"Focus coverage of the best sentence (both sets, both variants); answers need {t.MinFocusCoverage:0.##}, related sentences {t.RelatedFocusCoverage:0.##}:"));
        o.WriteLine($"  {"group",-14} {"n",4} {"min",6} {"q1",6} {"median",6} {"q3",6} {"max",6}");
        foreach (var c in t.Coverage)
        {
            o.WriteLine(string.Create(Inv, $"  {c.Group,-14} {c.Questions,4} {c.Min,6:F2} {c.Q1,6:F2} {c.Median,6:F2} {c.Q3,6:F2} {c.Max,6:F2}"));
        }

        o.WriteLine();

        static int Count(AnswerMetrics m, string outcome) => m.Outcomes.TryGetValue(outcome, out var n) ? n : 0;
    }

    public static void PrintIngest(TextWriter o, IngestTiming i)
    {
        string Ms(double ms) => ms.ToString("F0", Inv);
        o.WriteLine("Ingestion (DocumentIngester.PrepareAsync + CommitAsync, as `ingest --yes` does it, into a fresh copy of the shipped corpus each run)");
        o.WriteLine(string.Create(Inv,
            $"  PDF: SampleDocuments.LargeRegulation({i.ArticlesWritten}), {i.Pages} pages (extracted {i.PagesExtracted}), {i.PdfBytes / 1024.0:F0} KiB; written in {i.PdfBuildMs:F0} ms (not timed)"));
        o.WriteLine($"  came through as {i.DocumentId}: {i.Paragraphs} paragraphs extracted, {i.Articles} articles (Điều N), {i.Passages} passages; index {i.Runs[0].IndexDocuments} documents, {i.Runs[0].IndexPassages} passages");
        if (i.ClauseSections > 0)
        {
            o.WriteLine($"  ({i.ClauseSections} more sections are khoản with điểm, labelled \"Điều N, khoản K\"; the ingest command's \"… điều\" counts them as articles too)");
        }

        o.WriteLine($"  {"run",-18} {"load ms",8} {"prepare ms",10} {"commit ms",9} {"total ms",8} {"extract ms",10}");
        foreach (var r in i.Runs)
        {
            var run = r.Run == 1 ? "1 (cold process)" : r.Run.ToString(Inv);
            o.WriteLine($"  {run,-18} {Ms(r.LoadMs),8} {Ms(r.PrepareMs),10} {Ms(r.CommitMs),9} {Ms(r.TotalMs),8} {Ms(r.ExtractMs),10}");
        }

        o.WriteLine($"  {"max",-18} {"",8} {Ms(i.MaxPrepareMs),10} {Ms(i.MaxCommitMs),9} {Ms(i.MaxTotalMs),8} {Ms(i.MaxExtractMs),10}");
        o.WriteLine($"  {"median",-18} {"",8} {Ms(i.MedianPrepareMs),10} {Ms(i.MedianCommitMs),9} {Ms(i.MedianTotalMs),8} {Ms(i.MedianExtractMs),10}");
        o.WriteLine("  prepare = extract + recognise + render + parse back; commit = write corpus/<id>.md + rebuild the whole index; total = load corpus + prepare + commit.");
        o.WriteLine("  Run 1 is the first ingest in this process (JIT included); extract = the extraction alone, timed after each ingest (so warm).");
        o.WriteLine(string.Create(Inv, $"  ingest command, fresh process (dotnet {Path.GetFileName(i.Cli)} ingest <pdf> --yes, process start to exit): {i.CliMs:F0} ms"));
        o.WriteLine();
    }

    public static void PrintTelegramLoad(TextWriter o, TelegramLoad t)
    {
        string Ms(double ms) => ms.ToString("F0", Inv);
        o.WriteLine(string.Create(Inv,
            $"Telegram load (the bot against the fake Bot API server, flood limit 1 msg/s per chat with 429 retry_after 1 s; bot pacing {t.PrivateChatIntervalSeconds:0.##} s per private chat)"));
        o.WriteLine(string.Create(Inv,
            $"  {t.Users} users x {t.QuestionsPerUser} questions, each user's pushed at once, user after user; warm-up ask before polling {t.WarmUpAskMs:F0} ms"));
        o.WriteLine($"  answers (final message, with buttons): {t.Answers}/{t.Expected}; chats with exactly {t.QuestionsPerUser}: {t.ChatsExact}/{t.Users}; missing {t.Missing}, duplicates {t.Duplicates}");
        o.WriteLine($"  messages sent {t.MessagesSent}; rate-limited or failed replies {t.RefusedOrFailedReplies}; 429s {t.TooManyRequests}; other failed calls {t.OtherFailedCalls}; getUpdates calls {t.GetUpdatesCalls}");
        o.WriteLine(string.Create(Inv,
            $"  wall {t.WallSeconds:F1} s (first push to last answer), {t.AnswersPerSecond:F1} answers/s; push to answer p50 {Ms(t.P50Ms)} ms, p95 {Ms(t.P95Ms)} ms, p99 {Ms(t.P99Ms)} ms, max {Ms(t.MaxMs)} ms"));
        o.WriteLine("  p50 by position in a user's burst: " + string.Join(", ", t.P50MsByPosition.Select((ms, k) => $"#{k + 1} {Ms(ms)} ms")));
        var floor = (t.QuestionsPerUser - 1) * t.PrivateChatIntervalSeconds;
        o.WriteLine(string.Create(Inv,
            $"  Per-chat pacing (1 msg/s) dominates a user's burst: the #{t.QuestionsPerUser} answer cannot arrive before ~{floor:0.#} s after the push (more when an answer takes several messages or a 429 is waited out)."));
        if (t.P50MsByPosition.Count > 0 && t.P50MsByPosition[0] > 1000 * Math.Max(1, floor))
        {
            o.WriteLine(string.Create(Inv,
                $"  Here queueing weighs more: even #1 waits {t.P50MsByPosition[0] / 1000:F1} s (p50); getUpdates takes at most 100 updates and a batch is finished before the next is fetched."));
        }
        if (t.TimedOut)
        {
            o.WriteLine("  TIMED OUT: not every answer arrived within 10 minutes.");
        }

        PrintLogProblems(o, "bot log", t.LogProblems);

        o.WriteLine();
    }

    private static void PrintLogProblems(TextWriter o, string log, IReadOnlyList<LoggedProblem> problems)
    {
        o.WriteLine(problems.Count == 0 ? $"  {log}: no warnings or errors" : $"  {log}, warnings and errors (count, level, category: first message):");
        foreach (var p in problems)
        {
            o.WriteLine($"    {p.Count,5} {p.Level,-8} {p.Category}: {p.FirstMessage}");
        }
    }

    public static void PrintTools(TextWriter o, IReadOnlyList<ToolTiming> tools)
    {
        o.WriteLine("Member and trainer tools on the shipped corpus (warm, in process; first = first call, JIT included)");
        o.WriteLine(string.Create(Inv, $"{"tool",-58} {"runs",5} {"first ms",9} {"p50 ms",8} {"max ms",8}  produced"));
        foreach (var t in tools)
        {
            o.WriteLine(string.Create(Inv, $"{t.Name,-58} {t.Runs,5} {t.FirstMs,9:F1} {t.P50Ms,8:F1} {t.MaxMs,8:F1}  {t.Produced}"));
        }

        o.WriteLine();
    }

    public static void PrintZaloOaLoad(TextWriter o, ZaloOaLoad z)
    {
        string Ms(double ms) => ms.ToString("F0", Inv);
        o.WriteLine("Zalo OA load (signed user_send_text events posted over HTTP to the web host's webhook; answers sent to the fake Zalo OA API)");
        o.WriteLine(string.Create(Inv,
            $"  {z.Users} users x {z.QuestionsPerUser} events, each user's posted one after another, at most {z.Concurrency} users at a time; warm-up ask {z.WarmUpAskMs:F0} ms"));
        o.WriteLine(string.Create(Inv,
            $"  webhook acks: {z.Posted} posted, {z.NotOkAcks} not 200; ack p50 {z.AckP50Ms:F1} ms, p95 {z.AckP95Ms:F1} ms, max {z.AckMaxMs:F1} ms ({(z.AckMaxMs < 2000 ? "all" : "NOT all")} under Zalo's 2 s)"));
        o.WriteLine(string.Create(Inv,
            $"  redeliveries (same msg_id and signature) after the first posts: {z.Redelivered}, {z.RedeliveryNotOkAcks} not 200, ack max {z.RedeliveryAckMaxMs:F1} ms"));
        o.WriteLine($"  answers (last part, with \"{ZaloOaLoadBenchmark.AnswerEnd}\"): {z.Answers}/{z.Expected}; users with exactly {z.QuestionsPerUser}: {z.UsersExact}/{z.Users}; missing {z.Missing}, duplicates {z.Duplicates}");
        o.WriteLine($"  messages sent {z.MessagesSent}; answers in several parts {z.MultiPartAnswers}; other messages (earlier parts, refusals, rate-limit notes) {z.OtherMessages}; send attempts {z.SendAttempts}; token refreshes {z.TokenRefreshes}");
        foreach (var sample in z.OtherMessageSamples)
        {
            o.WriteLine($"    e.g. \"{sample.ReplaceLineEndings(" ")}\"");
        }

        o.WriteLine(string.Create(Inv,
            $"  wall {z.WallSeconds:F1} s (first post to last answer), {z.AnswersPerSecond:F1} answers/s; post to answer p50 {Ms(z.P50Ms)} ms, p95 {Ms(z.P95Ms)} ms, p99 {Ms(z.P99Ms)} ms, max {Ms(z.MaxMs)} ms"));
        if (z.TimedOut)
        {
            o.WriteLine("  TIMED OUT: events still in the inbox after 10 minutes.");
        }

        PrintLogProblems(o, "host log", z.LogProblems);

        o.WriteLine();
    }

    public static void PrintTargets(TextWriter o, IReadOnlyList<TargetCheck> targets)
    {
        o.WriteLine("Targets (default SearchOptions unless --set)");
        foreach (var t in targets)
        {
            o.WriteLine(string.Create(Inv, $"  {(t.Met ? "MET " : "MISS")} {t.Name,-42} {t.Actual,9:0.###} {t.Comparison} {t.Target,-7:0.###} margin {t.Margin:+0.###;-0.###;0}"));
        }

        o.WriteLine();
    }

    public static string FormatSweepHeader(IEnumerable<string> axes) =>
        string.Join(" ", axes.Select(a => Abbreviate(a).PadLeft(7))) + $" {"22acc",6} {"22fold",6} {"23acc",6} {"23fold",6} {"mean",6} {"worst",7}";

    public static string FormatSweepRow(SweepRow r) => string.Create(Inv,
        $"{string.Join(" ", r.Settings.Values.Select(v => v.ToString("0.##", Inv).PadLeft(7)))} {r.R1Y2022Accented,6:F3} {r.R1Y2022Folded,6:F3} {r.R1Y2023Accented,6:F3} {r.R1Y2023Folded,6:F3} {r.Mean,6:F3} {r.WorstMargin,7:+0.000;-0.000}");

    public static void PrintSweepSummary(TextWriter o, IReadOnlyList<SweepRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var header = FormatSweepHeader(rows[0].Settings.Keys);
        void Block(string title, IEnumerable<SweepRow> selected)
        {
            o.WriteLine(title);
            o.WriteLine(header);
            foreach (var row in selected)
            {
                o.WriteLine(FormatSweepRow(row));
            }

            o.WriteLine();
        }

        o.WriteLine($"Sweep summary: {rows.Count} settings (R@1; worst = smallest margin over the targets 0.92 / 0.78)");
        Block("Best 10 by worst margin over the targets:", rows.OrderByDescending(r => r.WorstMargin).ThenByDescending(r => r.Mean).Take(10));
        Block("Best 10 by mean R@1:", rows.OrderByDescending(r => r.Mean).ThenByDescending(r => r.WorstMargin).Take(10));
        Block("Best per column (2022 accented, 2022 folded, 2023 accented, 2023 folded):", new[]
        {
            rows.MaxBy(r => r.R1Y2022Accented)!,
            rows.MaxBy(r => r.R1Y2022Folded)!,
            rows.MaxBy(r => r.R1Y2023Accented)!,
            rows.MaxBy(r => r.R1Y2023Folded)!,
        });

        o.WriteLine("Mean R@1 per value of each axis (averaged over the rest of the grid):");
        foreach (var axis in rows[0].Settings.Keys)
        {
            var perValue = rows.GroupBy(r => r.Settings[axis]).OrderBy(g => g.Key)
                .Select(g => string.Create(Inv, $"{g.Key:0.##}: {g.Average(r => r.R1Y2022Accented):F3}/{g.Average(r => r.R1Y2022Folded):F3}/{g.Average(r => r.R1Y2023Accented):F3}/{g.Average(r => r.R1Y2023Folded):F3}"));
            o.WriteLine($"  {axis,-26} {string.Join("   ", perValue)}");
        }

        o.WriteLine();
    }

    public static void WriteJson(string path, BenchResult result)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
    }

    private static string Abbreviate(string axis) => axis switch
    {
        "BigramWeight" => "Bigram",
        "SentenceWeight" => "Sentnce",
        "FoldedWeightWhenAccented" => "FoldAcc",
        "SyllableWeight" => "Syllabl",
        "HeadingWeight" => "Heading",
        "PassageWeight" => "Passage",
        "SummaryWeight" => "Summary",
        _ => axis.Length > 7 ? axis[..7] : axis,
    };
}
