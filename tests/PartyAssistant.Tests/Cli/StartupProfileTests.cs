using PartyAssistant.Tests.Hosting;

namespace PartyAssistant.Tests.Cli;

/// <summary>Each command records what its start compiled (multi-core JIT), in the user's local data; where it cannot, it still runs.</summary>
public sealed class StartupProfileTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task A_command_records_its_start_in_the_users_local_data()
    {
        var local = Path.Combine(this.temp.Path, "local");
        await using var docs = CliProcess.Start(this.temp.Path, this.Settings(local), "docs");
        Assert.NotNull(await docs.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, docs.ExitCode);
        Assert.True(new FileInfo(Path.Combine(local, "PartyAssistant", "jit", "docs.jitprofile")) is { Exists: true, Length: > 0 }, docs.Output);
    }

    [Fact]
    public async Task A_command_runs_when_the_profile_cannot_be_written()
    {
        var notAFolder = Path.Combine(this.temp.Path, "file");
        await File.WriteAllTextAsync(notAFolder, "x");
        await using var docs = CliProcess.Start(this.temp.Path, this.Settings(notAFolder), "docs");
        Assert.NotNull(await docs.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, docs.ExitCode);
        Assert.Contains("kl-tu-nq03", docs.Output, StringComparison.Ordinal);
    }

    public void Dispose() => this.temp.Dispose();

    private Dictionary<string, string?> Settings(string localData) => new()
    {
        ["Corpus:Directory"] = TestPaths.Corpus,
        ["Storage:DataDirectory"] = Path.Combine(this.temp.Path, "data"),
        ["XDG_DATA_HOME"] = localData,
    };
}
