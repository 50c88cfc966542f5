using System.Text;
using PartyAssistant.Search;

namespace PartyAssistant.Tests.Search;

/// <summary>
/// A corpus where a few words are in every passage, as "của", "các", "được" are in a national corpus: searched with the
/// candidate pool (as an index over <see cref="SearchOptions.LargeIndexDocuments"/> is) and with the whole query.
/// </summary>
public sealed class LargeIndexSearchTests : IAsyncLifetime
{
    private const string Question = "các cấp uỷ của đảng tổ chức hội thi tìm hiểu lịch sử địa phương thế nào";
    private const int Fillers = 2_400;

    private readonly TempDirectory corpus = new();
    private readonly TempDirectory data = new();
    private OpenedIndex pooled = null!;
    private OpenedIndex whole = null!;

    public async Task InitializeAsync()
    {
        // Filler passages hold only the question's common words; three hold its rarer ones.
        for (var file = 0; file < Fillers / 100; file++)
        {
            var text = new StringBuilder($"---\nid: qd-{file:D3}\ntype: Quy định\nnumber: {file + 1}-QĐ/ĐU\ntitle: Quy định thử số {file + 1}\nkind: official-text\n---\n\n");
            for (var article = 1; article <= 100; article++)
            {
                text.Append($"## Điều {article}.\n\nCác cấp uỷ của đảng được giao các nhiệm vụ của đảng bộ.\n\n");
            }

            await File.WriteAllTextAsync(Path.Combine(this.corpus.Path, $"qd-{file:D3}.md"), text.ToString());
        }

        await File.WriteAllTextAsync(Path.Combine(this.corpus.Path, "hd-hoi-thi.md"), """
            ---
            id: hd-hoi-thi
            type: Hướng dẫn
            number: 5-HD/ĐU
            title: Hướng dẫn hội thi
            kind: official-text
            ---

            ## Điều 1.

            Chi bộ ấp tổ chức hội thi tìm hiểu lịch sử địa phương mỗi quý một lần.

            ## Điều 2.

            Đoàn thanh niên phối hợp tổ chức hội thi văn nghệ.

            ## Điều 3.

            Ban tuyên giáo biên soạn tài liệu lịch sử đảng bộ.
            """);

        this.pooled = await TestIndex.For(this.corpus.Path, this.data.Path, new SearchOptions { LargeIndexDocuments = 0, CandidatePool = 20 }).OpenAsync(null, CancellationToken.None);
        this.whole = await TestIndex.For(this.corpus.Path, this.data.Path, new SearchOptions { LargeIndexDocuments = int.MaxValue }).OpenAsync(null, CancellationToken.None);
    }

    [Fact]
    public void The_pool_finds_the_same_best_passage_with_the_same_score()
    {
        var pooledHits = this.pooled.Searcher.Search(Question, 3);
        var wholeHits = this.whole.Searcher.Search(Question, 3);

        Assert.Equal("hd-hoi-thi", pooledHits[0].DocumentId);
        Assert.Contains("lịch sử địa phương", pooledHits[0].Text, StringComparison.Ordinal);
        Assert.Equal(wholeHits[0].PassageId, pooledHits[0].PassageId);
        // The same BM25 terms summed in another order: equal to float precision (a few parts in ten million).
        Assert.Equal(wholeHits[0].Score, pooledHits[0].Score, tolerance: wholeHits[0].Score * 1e-6);
    }

    [Fact]
    public void Only_passages_holding_a_rarer_word_of_the_question_are_scored()
    {
        // The whole query scores every filler (each shares the common words); the pool never reaches them.
        var wholeHits = this.whole.Searcher.Search(Question, 10);
        var pooledHits = this.pooled.Searcher.Search(Question, 10);

        Assert.Contains(wholeHits, h => h.DocumentId.StartsWith("qd-", StringComparison.Ordinal));
        Assert.NotEmpty(pooledHits);
        Assert.All(pooledHits, h => Assert.Equal("hd-hoi-thi", h.DocumentId));
    }

    [Fact]
    public void A_question_of_common_words_only_is_searched_whole()
    {
        // No rarer word to choose a pool with: the whole query runs, and finds the fillers as it always did.
        var hits = this.pooled.Searcher.Search("các cấp uỷ của đảng bộ", 5);

        Assert.Equal(5, hits.Count);
        Assert.All(hits, h => Assert.StartsWith("qd-", h.DocumentId, StringComparison.Ordinal));
    }

    public Task DisposeAsync()
    {
        this.pooled.Dispose();
        this.whole.Dispose();
        this.corpus.Dispose();
        this.data.Dispose();
        return Task.CompletedTask;
    }
}
