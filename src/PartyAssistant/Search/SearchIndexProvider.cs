using Microsoft.Extensions.Logging;

namespace PartyAssistant.Search;

/// <summary>
/// The index a long-running process searches: opened (and built if the corpus changed) on first
/// use, then shared by every question. Thread-safe.
/// </summary>
public sealed class SearchIndexProvider(CorpusIndex index, ILogger<SearchIndexProvider> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private OpenedIndex? opened;

    public async Task<OpenedIndex> GetAsync(CancellationToken cancellationToken)
    {
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

    public void Dispose()
    {
        this.opened?.Dispose();
        this.gate.Dispose();
    }
}
