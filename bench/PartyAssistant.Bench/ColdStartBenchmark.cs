using System.Diagnostics;

namespace PartyAssistant.Bench;

/// <summary>
/// The built CLI's `ask`, from process start to exit, in milliseconds: once building the index
/// (IndexBuildRunMs), then <see cref="ColdStartBenchmark.Runs"/> times with the index already built.
/// </summary>
public sealed record ColdStartTiming(string Question, string Cli, double IndexBuildRunMs, IReadOnlyList<double> RunsMs, double MinMs, double MedianMs);

public static class ColdStartBenchmark
{
    public const int Runs = 5;

    private static bool cliBuilt;

    /// <summary>Builds the CLI in Release (incrementally, unless already built by this process), then times `dotnet PartyAssistant.Cli.dll ask` from the repo root.</summary>
    public static async Task<ColdStartTiming> MeasureAsync(
        string repoRoot, string corpusDirectory, string dataDirectory, string question, TextWriter output, CancellationToken cancellationToken)
    {
        var cli = await BuildCliAsync(repoRoot, output, cancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = dataDirectory,
            ["Corpus__Directory"] = corpusDirectory,
        };
        async Task<double> AskAsync()
        {
            var run = await RunAsync(repoRoot, [cli, "ask", question], environment, cancellationToken);
            if (run.ExitCode != 0 || !run.Stdout.Contains("[1]", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The CLI's ask exited with code {run.ExitCode} without a cited answer ([1]):\n{run.Stdout}{run.Stderr}");
            }

            return run.Milliseconds;
        }

        var indexBuildRun = await AskAsync();
        var runs = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            runs.Add(await AskAsync());
        }

        return new ColdStartTiming(question, cli, indexBuildRun, runs, runs.Min(), LatencyBenchmark.Median(runs));
    }

    /// <summary>
    /// Builds the CLI in Release, once per bench process (incremental, seconds when up to date), so the
    /// timed CLI is the current source; returns the path of PartyAssistant.Cli.dll.
    /// </summary>
    internal static async Task<string> BuildCliAsync(string repoRoot, TextWriter output, CancellationToken cancellationToken)
    {
        var cli = Path.Combine(repoRoot, "src", "PartyAssistant.Cli", "bin", "Release", "net10.0", "PartyAssistant.Cli.dll");
        if (!cliBuilt)
        {
            output.WriteLine("dotnet build -c Release src/PartyAssistant.Cli");
            var build = await RunAsync(repoRoot, ["build", "-c", "Release", "src/PartyAssistant.Cli"], new Dictionary<string, string>(), cancellationToken);
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet build failed with exit code {build.ExitCode}:\n{build.Stdout}{build.Stderr}");
            }

            cliBuilt = true;
        }

        return cli;
    }

    internal sealed record ProcessRun(int ExitCode, string Stdout, string Stderr, double Milliseconds);

    /// <summary>Runs `dotnet` with these arguments, timing it from just before start to exit.</summary>
    internal static async Task<ProcessRun> RunAsync(
        string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        (await RunSampledAsync(workingDirectory, arguments, environment, cancellationToken)).Run;

    /// <summary>As <see cref="RunAsync"/>, also reading the process's peak resident memory (VmHWM) from /proc while it runs.</summary>
    internal static async Task<(ProcessRun Run, double PeakMb)> RunSampledAsync(
        string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var exited = process.WaitForExitAsync(cancellationToken);
        double peak = 0;
        while (!exited.IsCompleted)
        {
            peak = Math.Max(peak, PeakMegabytes(process.Id));
            await Task.WhenAny(exited, Task.Delay(20, cancellationToken));
        }

        await exited;
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return (new ProcessRun(process.ExitCode, await stdout, await stderr, elapsed), peak);
    }

    private static double PeakMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0; // exited between the check and the read
        }
    }
}
