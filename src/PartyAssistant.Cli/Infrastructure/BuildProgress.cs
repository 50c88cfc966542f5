using System.Diagnostics;
using System.Globalization;

namespace PartyAssistant.Cli.Infrastructure;

/// <summary>
/// Passages written so far, on stderr at most every two seconds: a national corpus takes minutes to index, and a line
/// per few hundred passages buried everything else the command said.
/// </summary>
public sealed class BuildProgress(CliOutput output) : IProgress<int>
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);
    private readonly Stopwatch sinceLast = Stopwatch.StartNew();

    public void Report(int value)
    {
        if (this.sinceLast.Elapsed < Every)
        {
            return;
        }

        this.sinceLast.Restart();
        output.Status(string.Create(new CultureInfo("vi-VN"), $"  … {value:N0} đoạn"));
    }
}
