using System.Diagnostics;
using System.Text;

namespace PartyAssistant.Tests.Hosting;

/// <summary>The built CLI run as a real process, as systemd or docker would run it, with settings in its environment.</summary>
public sealed partial class CliProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private CliProcess(Process process) => this.process = process;

    public string Output
    {
        get
        {
            lock (this.output)
            {
                return this.output.ToString();
            }
        }
    }

    public bool HasExited => this.process.HasExited;

    public int ExitCode => this.process.ExitCode;

    public int ProcessId => this.process.Id;

    /// <summary>SIGKILL, as a crash or the OOM killer: no shutdown code runs.</summary>
    public void Kill() => this.process.Kill(entireProcessTree: true);

    /// <param name="settings">Configuration keys ("Telegram:BotToken"), passed as environment variables ("Telegram__BotToken").</param>
    public static CliProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PartyAssistant.Cli.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var cli = new CliProcess(new Process { StartInfo = info });
        cli.process.OutputDataReceived += (_, e) => cli.Append(e.Data);
        cli.process.ErrorDataReceived += (_, e) => cli.Append(e.Data);
        cli.process.Start();
        cli.process.BeginOutputReadLine();
        cli.process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>What systemd and `docker stop` send first.</summary>
    public void Terminate() => Assert.Equal(0, Kill(this.process.Id, SigTerm));

    private const int SigTerm = 15;

    // libc's kill(2): no `kill` binary needs to be installed on the machine.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <returns>How long the process took to exit, or null when it did not within <paramref name="timeout"/>.</returns>
    public async Task<TimeSpan?> WaitForExitAsync(TimeSpan timeout)
    {
        var start = Stopwatch.GetTimestamp();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await this.process.WaitForExitAsync(cancel.Token);
            return Stopwatch.GetElapsedTime(start);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!this.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(this.process.HasExited, $"The process exited before printing \"{text}\":\n{this.Output}");
            Assert.True(DateTime.UtcNow < deadline, $"No \"{text}\" within {timeout}:\n{this.Output}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.process.HasExited)
        {
            this.process.Kill(entireProcessTree: true);
            await this.process.WaitForExitAsync();
        }

        this.process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (this.output)
        {
            this.output.AppendLine(line);
        }
    }
}
