using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PartyAssistant.Questions;
using PartyAssistant.Corpus;
using PartyAssistant.Search;

namespace PartyAssistant.Tests.Search;

public sealed class IndexReloadTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    private SearchIndexProvider Provider(string corpus, string data) => new(
        TestIndex.For(corpus, data),
        Options.Create(new CorpusOptions { Directory = corpus }),
        NullLogger<SearchIndexProvider>.Instance);

    private static void AddDocument(string corpus, int n) => File.WriteAllText(
        Path.Combine(corpus, $"kh-{n}.md"),
        $"---\nid: kh-{n}\ntype: Kế hoạch\nnumber: {n}-KH/TU\ntitle: Kế hoạch thử {n}\nkind: official-text\n---\n\n## Điều 1. Nội dung\n\nChi bộ tổ chức hội thao bóng chuyền lần thứ {n} vào quý {n}.\n");

    [Fact]
    public async Task A_rebuilt_index_is_picked_up_while_questions_keep_being_answered()
    {
        var corpus = this.temp.CopyCorpus();
        using var provider = this.Provider(corpus, Path.Combine(this.temp.Path, "data"));
        await provider.GetAsync(CancellationToken.None);

        var failures = new ConcurrentQueue<Exception>();
        var answered = 0;
        using var stop = new CancellationTokenSource();
        var askers = Enumerable.Range(0, 4).Select(asker => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var lease = await provider.AcquireAsync(CancellationToken.None);
                    var question = QuestionAnalysis.From("chi bo sinh hoat dinh ky may lan");
                    var hits = lease.Searcher.Search(question, 5);
                    // Rarity and spellings are read from whichever index is current, across the switches.
                    var coverage = FocusCoverage.For(question.Focus, provider.Rarity, markedForms: provider.MarkedForms).Of(new PartyAssistant.Text.MatchText(hits[0].Text));
                    if (coverage is < 0 or > 1 || provider.Rarity("chi") <= 0 || provider.MarkedForms("chi bo").Count == 0)
                    {
                        throw new InvalidOperationException($"coverage {coverage}, rarity {provider.Rarity("chi")}");
                    }

                    Interlocked.Increment(ref answered);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }
        })).ToList();

        for (var n = 1; n <= 3; n++)
        {
            // A slow question (a model taking its time) holds the index it started with across the switch.
            var slow = await provider.AcquireAsync(CancellationToken.None);
            AddDocument(corpus, n);
            Assert.True(await provider.ReloadIfChangedAsync(CancellationToken.None));
            await Task.Delay(300);

            Assert.False(slow.Index.IsClosed);
            Assert.NotEmpty(slow.Searcher.Search("chi bo sinh hoat", 3));
            if (n == 1)
            {
                // Only the new index has "bóng": rarity asked after the switch comes from it.
                Assert.True(provider.Rarity("bong") < slow.Searcher.Rarity("bong"));
            }

            slow.Dispose();

            // An asker that took the old index just before the switch may still be searching it on a loaded machine:
            // the index closes when that last lease goes, not at once.
            var closing = System.Diagnostics.Stopwatch.StartNew();
            while (!slow.Index.IsClosed && closing.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }

            Assert.True(slow.Index.IsClosed, "the replaced index closes with its last lease");
        }

        Assert.False(await provider.ReloadIfChangedAsync(CancellationToken.None));
        await stop.CancelAsync();
        await Task.WhenAll(askers);

        Assert.Empty(failures);
        Assert.True(answered > 100, $"only {answered} questions were asked");
        var latest = await provider.GetAsync(CancellationToken.None);
        Assert.Equal("kh-3/dieu-1.1", latest.Searcher.Search("hoi thao bong chuyen lan thu 3", 1)[0].PassageId);
    }

    [Fact]
    public async Task An_index_built_by_another_process_is_picked_up()
    {
        var corpus = this.temp.CopyCorpus();
        var data = Path.Combine(this.temp.Path, "data");
        using var provider = this.Provider(corpus, data);
        var first = await provider.GetAsync(CancellationToken.None);

        // Another process (ingest) writes the corpus and builds; this one has not looked yet.
        AddDocument(corpus, 7);
        await TestIndex.For(corpus, data).RebuildAsync(null, CancellationToken.None);

        Assert.True(await provider.ReloadIfChangedAsync(CancellationToken.None));
        var second = await provider.GetAsync(CancellationToken.None);
        Assert.NotEqual(first.Generation, second.Generation);
        Assert.False(second.Rebuilt);
        Assert.Equal("kh-7", second.Searcher.Search("hoi thao bong chuyen lan thu 7", 1)[0].DocumentId);
    }
}
