using PartyAssistant.Facts;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAssistant.Corpus;
using PartyAssistant.Obligations;
using PartyAssistant.Search;

namespace PartyAssistant.Tests.Obligations;

public sealed class ObligationBookTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private int loads;

    public void Dispose() => this.temp.Dispose();

    private ObligationBook BookOver(string corpus) => new(new CurrentCorpus(corpus, async token =>
    {
        Interlocked.Increment(ref this.loads);
        return await new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(corpus, token);
    }).GetAsync);

    [Fact]
    public async Task The_checklists_are_read_once_and_read_again_when_the_corpus_changes()
    {
        var corpus = Path.Combine(this.temp.Path, "corpus");
        Directory.CreateDirectory(corpus);
        File.Copy(Path.Combine(TestPaths.Corpus, "ct-05.md"), Path.Combine(corpus, "ct-05.md"));
        var book = this.BookOver(corpus);
        var role = RoleLexicon.Resolve("ban tổ chức tỉnh uỷ")!.Role;

        Assert.Empty(await book.WithPassagesAsync(role, CancellationToken.None));
        Assert.Equal(1, this.loads);

        // The same corpus: every way of asking is answered from what was read.
        Assert.Empty(await book.WithPassagesAsync(role, CancellationToken.None));
        Assert.Empty((await book.ForAsync(role, CancellationToken.None)).Items);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => book.AllAsync(CancellationToken.None)));
        Assert.Contains("Ban Tổ chức", await book.DescribeAsync("ban to chuc tinh uy", "/nghiavu vai-trò", CancellationToken.None), StringComparison.Ordinal);
        Assert.Equal(1, this.loads);

        // A document added (as `ingest` does): its duties are seen on the next question, once.
        File.Copy(Path.Combine(TestPaths.Corpus, "kl-tu-nq03.md"), Path.Combine(corpus, "kl-tu-nq03.md"));
        var duties = await book.WithPassagesAsync(role, CancellationToken.None);
        Assert.Equal(2, this.loads);
        Assert.Equal(3, duties.Count);
        Assert.All(duties, d =>
        {
            Assert.Equal("kl-tu-nq03/III.5", d.Passage.Id);
            Assert.Contains(d.Item.Quote, d.Passage.Text, StringComparison.Ordinal);
            Assert.StartsWith("Kết luận của Ban Chấp hành Đảng bộ Tỉnh khoá XI", d.DocumentTitle, StringComparison.Ordinal);
        });
        Assert.Equal(3, (await book.ForAsync(role, CancellationToken.None)).Items.Count);
        Assert.Equal(2, this.loads);

        // A file edited in place (same name): read again.
        var seed = Path.Combine(corpus, "kl-tu-nq03.md");
        var text = await File.ReadAllTextAsync(seed);
        var cut = text.IndexOf("\nIII- TỔ CHỨC THỰC HIỆN", StringComparison.Ordinal);
        Assert.True(cut > 0, "the seed has a part III");
        await File.WriteAllTextAsync(seed, text[..cut] + "\n");
        Assert.Empty(await book.WithPassagesAsync(role, CancellationToken.None));
        Assert.Equal(3, this.loads);
    }
}
