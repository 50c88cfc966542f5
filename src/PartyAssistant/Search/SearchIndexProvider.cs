using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyAssistant.Corpus;

namespace PartyAssistant.Search;

/// <summary>
/// The index a long-running process searches: opened (and built if the corpus changed) on first
/// use, shared by every question, and switched to a newer one by <see cref="ReloadIfChangedAsync"/>
/// without failing a question in flight: questions hold a lease (<see cref="AcquireAsync"/>), and
/// the index they started with closes when the last lease is released. Thread-safe.
/// </summary>
public sealed class SearchIndexProvider(CorpusIndex index, IOptions<CorpusOptions> options, ILogger<SearchIndexProvider> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile OpenedIndex? opened;
    private volatile bool disposed;

    /// <summary>
    /// The current index without holding it: for one-shot commands. Work that may outlive a reload
    /// (bots, the web host) takes a lease with <see cref="AcquireAsync"/> instead.
    /// </summary>
    public async Task<OpenedIndex> GetAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(this.disposed, this);
        if (this.opened is { } ready)
        {
            return ready;
        }

        await this.gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (this.opened is null)
            {
                this.opened = await index.OpenAsync(progress: null, cancellationToken).ConfigureAwait(false);
                if (this.opened.Rebuilt)
                {
                    logger.LogInformation("Đã dựng chỉ mục: {Documents} văn bản, {Passages} đoạn.", this.opened.Manifest.Documents, this.opened.Manifest.Passages);
                }
            }

            return this.opened;
        }
        finally
        {
            this.gate.Release();
        }
    }

    /// <summary>The current index, held open for the caller until the lease is disposed.</summary>
    public async Task<IndexLease> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await this.GetAsync(cancellationToken).ConfigureAwait(false);

            // Fails only when a reload closed it between the two lines: take the new one.
            if (current.TryAcquire())
            {
                return new IndexLease(current);
            }
        }
    }

    /// <summary>
    /// How rare a term is in the current index (see <see cref="PassageSearcher.Rarity"/>), for work
    /// that runs after the search itself, when the index searched may have been replaced.
    /// </summary>
    public double Rarity(string foldedTerm) => this.FromCurrent(searcher => searcher.Rarity(foldedTerm), 0);

    /// <summary>How the current index spells a pair typed without marks (see <see cref="PassageSearcher.MarkedForms"/>).</summary>
    public IReadOnlyList<string> MarkedForms(string foldedPair) => this.FromCurrent(searcher => searcher.MarkedForms(foldedPair), []);

    private T FromCurrent<T>(Func<PassageSearcher, T> read, T closed)
    {
        while (this.opened is { } current && !this.disposed)
        {
            if (current.TryAcquire())
            {
                try
                {
                    return read(current.Searcher);
                }
                finally
                {
                    current.Release();
                }
            }
        }

        return closed;
    }

    /// <summary>
    /// Builds aside and switches when the corpus changed or another process built a newer index;
    /// returns whether it switched. Questions keep using the index they started with.
    /// </summary>
    public async Task<bool> ReloadIfChangedAsync(CancellationToken cancellationToken)
    {
        if (this.disposed)
        {
            return false;
        }

        await this.gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (this.disposed || this.opened is not { } current || !await index.IsStaleAsync(current, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var fresh = await index.OpenAsync(progress: null, cancellationToken).ConfigureAwait(false);
            this.opened = fresh;

            // The provider's own reference: questions still holding leases keep it open until they finish.
            current.Release();
            logger.LogInformation("Đã nạp chỉ mục mới: {Documents} văn bản, {Passages} đoạn.", fresh.Manifest.Documents, fresh.Manifest.Passages);
            return true;
        }
        finally
        {
            this.gate.Release();
        }
    }

    /// <summary>Checks for a newer index every <see cref="CorpusOptions.ReloadCheckSeconds"/> until stopped; a failed check keeps the current index.</summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        var seconds = options.Value.ReloadCheckSeconds;
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await this.ReloadIfChangedAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Không nạp được chỉ mục mới; tiếp tục dùng chỉ mục đang có.");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        // Waits for a reload in progress, so the index it opens is not left open behind us.
        this.gate.Wait();
        if (!this.disposed)
        {
            this.disposed = true;
            this.opened?.Release();
            this.opened = null;
        }

        this.gate.Release();
    }
}
