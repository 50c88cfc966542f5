using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyAssistant.Answering;
using PartyAssistant.Cli.Commands;
using PartyAssistant.Evaluation;

namespace PartyAssistant.Bench;

/// <summary>`POST /api/ask` against the warm pipeline it calls, timed in the same run over the same questions.</summary>
public sealed record WebAskLatency(int Questions, int Asks, double PipelineP50Ms, double PipelineP90Ms, double ApiP50Ms, double ApiP90Ms)
{
    public double Ratio => this.ApiP50Ms / this.PipelineP50Ms;
}

/// <summary>
/// Starts the real `serve` host on a loopback port, warms it with every dev question on both paths, then times
/// <c>asks</c> rounds: each round one ask straight to <see cref="AnswerPipeline"/> and the same question over
/// HTTP (a new conversation, so no follow-up rewriting; the answer stored and the question logged, as for users).
/// Interleaved, so a slow spell of the machine weighs on both alike. Target: API p50 ≤ 1.5 × pipeline p50.
/// </summary>
public static class WebAskBenchmark
{
    public const double Target = 1.5;

    public static async Task<int> RunAsync(TextWriter output, int asks, CancellationToken cancellationToken)
    {
        var root = BenchOptions.FindRepoRoot();
        var devFile = Path.Combine(BenchOptions.FindShared(root) ?? root, "eval", "dev-questions.jsonl");
        var questions = (await EvalQuestion.LoadAsync(devFile, cancellationToken)).Select(q => q.Question).ToList();
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pa-bench-web-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var result = await MeasureAsync(Path.Combine(root, "corpus"), data, questions, asks, cancellationToken);
            output.WriteLine($"/api/ask against the warm pipeline (offline, one client, {result.Questions} dev questions, {result.Asks} interleaved rounds)");
            output.WriteLine($"{"path",-28} {"p50 ms",8} {"p90 ms",8}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"AnswerPipeline.AskAsync",-28} {result.PipelineP50Ms,8:F3} {result.PipelineP90Ms,8:F3}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"POST /api/ask (HTTP)",-28} {result.ApiP50Ms,8:F3} {result.ApiP90Ms,8:F3}"));
            var met = result.Ratio <= Target;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50 ratio {result.Ratio:F2} (target ≤ {Target:F1}): {(met ? "met" : "NOT met")}"));
            return met ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    public static async Task<WebAskLatency> MeasureAsync(string corpusDirectory, string dataDirectory, IReadOnlyList<string> questions, int asks, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = corpusDirectory,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Web:RequestsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build();
        await using var app = ServeCommand.Build(configuration, "http://127.0.0.1:0");
        await app.StartAsync(cancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var pipeline = app.Services.GetRequiredService<AnswerPipeline>();

        foreach (var question in questions)
        {
            _ = await pipeline.AskAsync(question, conversation: null, cancellationToken);
            await AskOverHttpAsync(http, question, cancellationToken);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var direct = new double[asks];
        var api = new double[asks];
        for (var i = 0; i < asks; i++)
        {
            var question = questions[i % questions.Count];
            var start = Stopwatch.GetTimestamp();
            _ = await pipeline.AskAsync(question, conversation: null, cancellationToken);
            direct[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

            start = Stopwatch.GetTimestamp();
            await AskOverHttpAsync(http, question, cancellationToken);
            api[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        await app.StopAsync(cancellationToken);
        Array.Sort(direct);
        Array.Sort(api);
        return new WebAskLatency(questions.Count, asks,
            LatencyBenchmark.Percentile(direct, 0.50), LatencyBenchmark.Percentile(direct, 0.90),
            LatencyBenchmark.Percentile(api, 0.50), LatencyBenchmark.Percentile(api, 0.90));
    }

    private static async Task AskOverHttpAsync(HttpClient http, string question, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/ask", new { question }, cancellationToken);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}
