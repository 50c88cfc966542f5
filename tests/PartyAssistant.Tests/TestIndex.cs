using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PartyAssistant.Corpus;
using PartyAssistant.Search;
using PartyAssistant.Storage;

namespace PartyAssistant.Tests;

internal static class TestIndex
{
    public static CorpusIndex For(string corpusDirectory, string dataDirectory, SearchOptions? search = null) => new(
        Options.Create(new CorpusOptions { Directory = corpusDirectory }),
        Options.Create(new StorageOptions { DataDirectory = dataDirectory }),
        Options.Create(search ?? new SearchOptions()),
        new CorpusLoader(NullLogger<CorpusLoader>.Instance),
        NullLoggerFactory.Instance);
}

/// <summary>The shipped corpus indexed once for the read-only search tests.</summary>
public sealed class ShippedCorpusFixture : IAsyncLifetime
{
    private readonly TempDirectory data = new();

    public PassageSearcher Searcher { get; private set; } = null!;

    public CorpusLoadResult Corpus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var index = TestIndex.For(TestPaths.Corpus, this.data.Path);
        this.Corpus = await index.LoadCorpusAsync(CancellationToken.None);
        this.Searcher = (await index.OpenAsync(null, CancellationToken.None)).Searcher;
    }

    public Task DisposeAsync()
    {
        this.Searcher.Dispose();
        this.data.Dispose();
        return Task.CompletedTask;
    }
}
