using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Corpus;
using PartyAssistant.Storage;

namespace PartyAssistant.Search;

/// <summary>
/// What opening the index found: the searcher, the corpus it was built from, and whether it was
/// rebuilt. Counted references keep it open while questions use it after a newer index took its
/// place: it closes when the last one is released.
/// </summary>
public sealed record OpenedIndex(PassageSearcher Searcher, IndexManifest Manifest, bool Rebuilt, string Generation) : IDisposable
{
    /// <summary>The index on disk was damaged and has been built again from the corpus.</summary>
    public bool Repaired { get; init; }

    // One reference belongs to whoever opened it (the provider while it is current); each lease adds one.
    private int references = 1;

    internal bool IsClosed => Volatile.Read(ref this.references) <= 0;

    /// <summary>Adds a reference unless the index is already closed.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref this.references);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref this.references, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Drops a reference; the last one closes the searcher.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref this.references) == 0)
        {
            this.Searcher.Dispose();
        }
    }

    /// <summary>The opener's own reference: for an index that is not shared, this closes it.</summary>
    public void Dispose() => this.Release();
}

/// <summary>A question's hold on an index: the index stays open until every lease on it is disposed.</summary>
public sealed class IndexLease(OpenedIndex index) : IDisposable
{
    private int released;

    public OpenedIndex Index { get; } = index;

    public PassageSearcher Searcher => this.Index.Searcher;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref this.released, 1) == 0)
        {
            this.Index.Release();
        }
    }
}

/// <summary>
/// The corpus folder and its index kept in step: opening rebuilds the index when the corpus has
/// changed since the last build, otherwise it opens the one on disk.
/// </summary>
public sealed partial class CorpusIndex(
    IOptions<CorpusOptions> corpusOptions,
    IOptions<StorageOptions> storageOptions,
    IOptions<SearchOptions> searchOptions,
    CorpusLoader loader,
    ILoggerFactory loggerFactory)
{
    private readonly IndexStore store = new(storageOptions.Value.DataDirectory, loggerFactory.CreateLogger<IndexStore>());
    private readonly ILogger logger = loggerFactory.CreateLogger<CorpusIndex>();

    private (string Stamp, string Fingerprint)? lastChecked;
    private CurrentCorpus? currentCorpus;

    private CurrentCorpus current => LazyInitializer.EnsureInitialized(ref this.currentCorpus, () => new CurrentCorpus(this.CorpusDirectory, this.LoadCorpusAsync));

    public string CorpusDirectory { get; } = corpusOptions.Value.Resolve();

    public IndexStore Store => this.store;

    /// <summary>The corpus as it is now, read again only after a file changed (for bots and other long-running work).</summary>
    public Task<CorpusLoadResult> CurrentCorpusAsync(CancellationToken cancellationToken) => this.current.GetAsync(cancellationToken);

    /// <summary>The corpus read now; files the current index was built from unchanged are parsed past their front matter on need.</summary>
    public Task<CorpusLoadResult> LoadCorpusAsync(CancellationToken cancellationToken) =>
        loader.LoadAsync(this.CorpusDirectory, this.ParsedBefore(), cancellationToken);

    private IReadOnlySet<string>? ParsedBefore() =>
        this.store.Current()?.Manifest is { Format: CorpusFingerprint.IndexFormat, ParsedFiles: { } parsed } ? parsed.Keys.ToHashSet(StringComparer.Ordinal) : null;

    public async Task<OpenedIndex> OpenAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var fingerprint = await CorpusFingerprint.ComputeAsync(this.CorpusDirectory, cancellationToken).ConfigureAwait(false);
        var current = this.store.Current();
        var rebuilt = false;
        if (current is not { } found || found.Manifest.Fingerprint != fingerprint)
        {
            await this.RebuildAsync(progress, cancellationToken).ConfigureAwait(false);
            current = this.store.Current() ?? throw new InvalidOperationException("Chỉ mục vừa dựng nhưng không mở được.");
            rebuilt = true;
        }

        var (path, manifest) = current.Value;
        if (!rebuilt)
        {
            try
            {
                return this.Open(path, manifest, rebuilt: false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A damaged index is not the user's to delete by hand: the corpus is the source, so it is built again.
                LogDamaged(this.logger, e.Message);
                await this.RebuildAsync(progress, cancellationToken, full: true).ConfigureAwait(false);
                (path, manifest) = this.store.Current() ?? throw new InvalidOperationException("Chỉ mục vừa dựng nhưng không mở được.");
                return this.Open(path, manifest, rebuilt: true, repaired: true);
            }
        }

        return this.Open(path, manifest, rebuilt);
    }

    private OpenedIndex Open(string path, IndexManifest manifest, bool rebuilt, bool repaired = false)
    {
        var directory = FSDirectory.Open(path);
        try
        {
            IndexIntegrity.Verify(path, directory);
            return new OpenedIndex(new PassageSearcher(directory, searchOptions.Value), manifest, rebuilt, path) { Repaired = repaired };
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chỉ mục bị hỏng ({Error}); đang dựng lại từ corpus.")]
    private static partial void LogDamaged(ILogger logger, string error);

    /// <summary>
    /// Whether <paramref name="opened"/> is out of date: the corpus changed since it was built, or
    /// another process made a newer generation current.
    /// </summary>
    public async Task<bool> IsStaleAsync(OpenedIndex opened, CancellationToken cancellationToken)
    {
        // Checked every few seconds by running bots: hash the files only when one was written.
        var stamp = CorpusFingerprint.Stamp(this.CorpusDirectory);
        if (this.lastChecked is not { } last || last.Stamp != stamp)
        {
            last = (stamp, await CorpusFingerprint.ComputeAsync(this.CorpusDirectory, cancellationToken).ConfigureAwait(false));
            this.lastChecked = last;
        }

        var fingerprint = last.Fingerprint;
        return fingerprint != opened.Manifest.Fingerprint ||
               this.store.Current() is not { } current ||
               !string.Equals(current.Path, opened.Generation, StringComparison.Ordinal);
    }

    /// <summary>
    /// Brings the index up to the corpus: only the documents that changed are rewritten, unless <paramref name="full"/>
    /// (a damaged index, `index --rebuild`) or the index layout changed.
    /// </summary>
    public Task<IndexManifest> RebuildAsync(IProgress<int>? progress, CancellationToken cancellationToken, bool full = false) =>
        this.store.BuildAsync(
            async token =>
            {
                // Read under the build lock: the corpus as it is now, not as it was before waiting.
                var fingerprint = await CorpusFingerprint.ComputeAsync(this.CorpusDirectory, token).ConfigureAwait(false);
                return (await this.LoadCorpusAsync(token).ConfigureAwait(false), fingerprint);
            },
            progress,
            cancellationToken,
            full);
}
