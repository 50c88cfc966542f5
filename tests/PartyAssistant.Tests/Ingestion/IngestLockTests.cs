using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyAssistant.Fakes;
using PartyAssistant.Hosting;
using PartyAssistant.Ingestion;
using PartyAssistant.Search;
using PartyAssistant.Tests.Cli;
using PartyAssistant.Tests.Hosting;

namespace PartyAssistant.Tests.Ingestion;

/// <summary>
/// One ingest at a time per corpus. Before the lock, two `ingest --yes` of files with the same number
/// both printed "Đã thêm qd-777" and exited 0, and one document was gone.
/// </summary>
public sealed class IngestLockTests : IDisposable
{
    private const string Waiting = "Đang có lượt nạp khác vào corpus này";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempDirectory temp = new();
    private readonly string corpus;

    public IngestLockTests() => this.corpus = this.temp.CopyCorpus();

    public void Dispose() => this.temp.Dispose();

    private string Data => Path.Combine(this.temp.Path, "data");

    private string File(string name) => Path.Combine(this.temp.Path, name);

    private Task<IngestLock> HoldAsync() => IngestLock.AcquireAsync(this.corpus, TimeSpan.Zero, _ => { }, CancellationToken.None);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Of_two_ingests_of_the_same_id_one_writes_and_the_other_refuses(bool givenId)
    {
        // Two different texts with the same number: both would be qd-99.
        SampleDocx.Write(this.File("ban-a.docx"), SampleDocuments.Regulation(12));
        SampleDocx.Write(this.File("ban-b.docx"), SampleDocuments.Regulation(8));
        string[] Arguments(string file) => givenId ? ["ingest", this.File(file), "--yes", "--id", "qd-99"] : ["ingest", this.File(file), "--yes"];

        // Both are made to wait for the same moment, so they really run together.
        var first = new WatchedWriter();
        var second = new WatchedWriter();
        Task<CliResult> a, b;
        using (await this.HoldAsync())
        {
            a = CliRunner.RunWatchedAsync(this.corpus, this.Data, first, new Dictionary<string, string?>(), Arguments("ban-a.docx"));
            b = CliRunner.RunWatchedAsync(this.corpus, this.Data, second, new Dictionary<string, string?>(), Arguments("ban-b.docx"));
            await first.WaitForAsync(Waiting, Patience);
            await second.WaitForAsync(Waiting, Patience);
        }

        var results = await Task.WhenAll(a, b);

        Assert.Equal([0, 1], results.Select(r => r.ExitCode).Order());
        var (winner, loser) = results[0].ExitCode == 0 ? ("ban-a.docx", results[1]) : ("ban-b.docx", results[0]);
        Assert.Contains(givenId ? "corpus đã có văn bản mã \"qd-99\"" : "corpus đã có toàn văn số hiệu 99-QĐ/TW (mã qd-99)", loser.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("--overwrite", loser.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("Chưa ghi gì vào corpus", loser.Diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã thêm", loser.Diagnostics, StringComparison.Ordinal);

        // Accounted for: the winner is in the corpus under its own name, the loser's file is untouched, nothing else appeared.
        Assert.Contains($"ingested_from: {winner}", await System.IO.File.ReadAllTextAsync(Path.Combine(this.corpus, "qd-99.md")), StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(this.File("ban-a.docx")) && System.IO.File.Exists(this.File("ban-b.docx")));
        Assert.Equal(["qd-99.md"], Directory.EnumerateFiles(this.corpus).Select(Path.GetFileName)
            .Where(f => f != IngestLock.FileName && !System.IO.File.Exists(Path.Combine(TestPaths.Corpus, f!))));
    }

    [Fact]
    public async Task An_ingest_that_cannot_get_the_corpus_in_time_gives_up_and_writes_nothing()
    {
        SampleDocx.Write(this.File("quy-dinh.docx"), SampleDocuments.Regulation());

        CliResult result;
        using (await this.HoldAsync())
        {
            result = await CliRunner.RunWithSettingsAsync(this.corpus, this.Data, new Dictionary<string, string?> { ["Ingestion:LockWaitSeconds"] = "1" },
                "ingest", this.File("quy-dinh.docx"), "--yes");
        }

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(Waiting, result.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("đã chờ 1 giây (Ingestion:LockWaitSeconds)", result.Diagnostics, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(Path.Combine(this.corpus, "qd-99.md")));
    }

    [Fact]
    public async Task Another_process_waits_for_the_corpus_and_then_ingests()
    {
        SampleDocx.Write(this.File("quy-dinh.docx"), SampleDocuments.Regulation());
        var settings = new Dictionary<string, string?> { ["Corpus:Directory"] = this.corpus, ["Storage:DataDirectory"] = this.Data };

        await using var other = CliProcess.Start(this.temp.Path, settings, "ingest", this.File("quy-dinh.docx"), "--yes");
        using (await this.HoldAsync())
        {
            await other.WaitForOutputAsync(Waiting, Patience);
            Assert.False(System.IO.File.Exists(Path.Combine(this.corpus, "qd-99.md")));
        }

        Assert.NotNull(await other.WaitForExitAsync(Patience));
        Assert.Equal(0, other.ExitCode);
        Assert.Contains("Đã thêm qd-99", other.Output, StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(Path.Combine(this.corpus, "qd-99.md")));
    }

    [Fact]
    public async Task What_a_killed_ingest_left_is_put_back_or_removed_at_the_next_start()
    {
        // A backup whose file is gone (killed while putting it back), a stale backup beside its
        // file (killed before removing it), and a temporary file never moved into place.
        var restored = Path.Combine(this.corpus, "kl-38.md");
        var original = await System.IO.File.ReadAllTextAsync(restored);
        System.IO.File.Move(restored, Path.Combine(this.corpus, ".kl-38.ingest.bak"));
        var kept = await System.IO.File.ReadAllTextAsync(Path.Combine(this.corpus, "kl-01.md"));
        await System.IO.File.WriteAllTextAsync(Path.Combine(this.corpus, ".kl-01.ingest.bak"), "bản cũ");
        await System.IO.File.WriteAllTextAsync(Path.Combine(this.corpus, ".qd-99.4242.ingest.tmp"), "dở dang");
        SampleDocx.Write(this.File("quy-dinh.docx"), SampleDocuments.Regulation());

        var result = await CliRunner.RunAsync(this.corpus, this.Data, "ingest", this.File("quy-dinh.docx"), "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Đã khôi phục kl-38.md", result.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(original, await System.IO.File.ReadAllTextAsync(restored));
        Assert.Equal(kept, await System.IO.File.ReadAllTextAsync(Path.Combine(this.corpus, "kl-01.md")));
        Assert.Empty(Directory.EnumerateFiles(this.corpus, ".*.ingest.*"));

        // The restored document is back in the index too.
        var shown = await CliRunner.RunAsync(this.corpus, this.Data, "docs", "--json");
        Assert.Contains("\"kl-38\"", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_another_ingest_wrote_since_the_plan_is_not_overwritten()
    {
        // The lock makes this impossible through the command; the commit still checks, for any other caller.
        SampleDocx.Write(this.File("quy-dinh.docx"), SampleDocuments.Regulation());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = this.corpus,
            ["Storage:DataDirectory"] = this.Data,
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddPartyAssistantSearch(configuration).AddPartyAssistantIngestion(configuration).BuildServiceProvider();
        var ingester = provider.GetRequiredService<DocumentIngester>();
        var index = provider.GetRequiredService<CorpusIndex>();
        var plan = await ingester.PrepareAsync(new IngestRequest(this.File("quy-dinh.docx")), (await index.LoadCorpusAsync(CancellationToken.None)).Documents, [], CancellationToken.None);
        await System.IO.File.WriteAllTextAsync(plan.TargetPath, "của lượt khác");

        var error = await Assert.ThrowsAsync<IngestException>(() => ingester.CommitAsync([plan], null, CancellationToken.None));

        Assert.Contains("lượt nạp khác", error.Problem, StringComparison.Ordinal);
        Assert.Equal("của lượt khác", await System.IO.File.ReadAllTextAsync(plan.TargetPath));
    }
}
