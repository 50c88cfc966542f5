using PartyAssistant.Corpus;

namespace PartyAssistant.Search;

/// <summary>
/// The corpus as it is now, for long-running work (bots, the duty checklists): read once, and read
/// again only when a corpus file was added, removed or written — each call compares the files'
/// names, sizes and modification times (<see cref="CorpusFingerprint.Stamp"/>), reading nothing.
/// Safe to share between threads.
/// </summary>
public sealed class CurrentCorpus(string directory, Func<CancellationToken, Task<CorpusLoadResult>> load)
{
    private readonly SemaphoreSlim reading = new(1, 1);
    private volatile Snapshot? current;

    public async Task<CorpusLoadResult> GetAsync(CancellationToken cancellationToken)
    {
        if (this.current is { } cached && cached.Stamp == CorpusFingerprint.Stamp(directory))
        {
            return cached.Corpus;
        }

        await this.reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The stamp is taken again after waiting, and before reading: a file changed during the
            // read makes the next call read again.
            var stamp = CorpusFingerprint.Stamp(directory);
            if (this.current is { } fresh && fresh.Stamp == stamp)
            {
                return fresh.Corpus;
            }

            var corpus = await load(cancellationToken).ConfigureAwait(false);
            this.current = new Snapshot(stamp, corpus);
            return corpus;
        }
        finally
        {
            this.reading.Release();
        }
    }

    private sealed record Snapshot(string Stamp, CorpusLoadResult Corpus);
}
