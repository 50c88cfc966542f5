using PartyAssistant.Tests.Cli;

namespace PartyAssistant.Tests.Search;

/// <summary>
/// A damaged index on disk — a file gone, cut short or with a flipped bit — is found on open and built again
/// from the corpus with a notice; the user's command still answers, and nobody deletes data/index by hand.
/// </summary>
public sealed class IndexRepairTests : IDisposable
{
    private const string Question = "Cấp ủy có phải tiếp dân định kỳ không?";
    private readonly TempDirectory data = new();

    public void Dispose() => this.data.Dispose();

    public static TheoryData<string> Damages() => ["missing", "truncated", "bit-flipped", "current-garbage"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_damaged_index_is_rebuilt_from_the_corpus_with_a_notice(string damage)
    {
        var first = await CliRunner.RunAsync(TestPaths.Corpus, this.data.Path, "ask", Question);
        Assert.Equal(0, first.ExitCode);

        var root = Path.Combine(this.data.Path, "index");
        var generation = Path.Combine(root, File.ReadAllText(Path.Combine(root, "CURRENT")).Trim());
        var largest = new DirectoryInfo(generation).GetFiles().Where(f => f.Name != "manifest.json" && f.Name != "verified.stamp").OrderByDescending(f => f.Length).First();
        switch (damage)
        {
            case "missing":
                largest.Delete();
                break;
            case "truncated":
                using (var stream = largest.Open(FileMode.Open))
                {
                    stream.SetLength(stream.Length / 2);
                }

                break;
            case "bit-flipped":
                var bytes = File.ReadAllBytes(largest.FullName);
                bytes[bytes.Length / 2] ^= 0x10;
                File.WriteAllBytes(largest.FullName, bytes);
                break;
            default:
                File.WriteAllText(Path.Combine(root, "CURRENT"), "\0\0 không phải thư mục nào \n");
                break;
        }

        var second = await CliRunner.RunAsync(TestPaths.Corpus, this.data.Path, "ask", Question);

        Assert.True(second.ExitCode == 0, second.Diagnostics);
        Assert.Contains("[1]", second.Output + second.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("Object reference", second.Diagnostics, StringComparison.Ordinal);
        if (damage != "current-garbage")
        {
            Assert.Contains("bị hỏng", second.Diagnostics, StringComparison.Ordinal);
        }

        var third = await CliRunner.RunAsync(TestPaths.Corpus, this.data.Path, "ask", Question);
        Assert.Equal(0, third.ExitCode);
        Assert.DoesNotContain("bị hỏng", third.Diagnostics, StringComparison.Ordinal);
    }
}
