using System.Text.Json;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using PartyAssistant.Corpus;

namespace PartyAssistant.Search;

/// <summary>
/// The on-disk index under &lt;data&gt;/index. Each build goes to a new generation folder and a
/// one-line CURRENT file is replaced atomically to point at it, so a crash mid-build leaves the
/// previous generation in use and a half-built folder that the next build clears away.
/// </summary>
public sealed class IndexStore(string dataDirectory, ILogger<IndexStore> logger)
{
    private const string CurrentFile = "CURRENT";
    private const string ManifestFile = "manifest.json";
    private const string BuildingSuffix = ".building";

    public string Root { get; } = Path.Combine(Path.GetFullPath(dataDirectory), "index");

    /// <summary>The generation CURRENT names, with its manifest; null when there is none or it is unreadable.</summary>
    public (string Path, IndexManifest Manifest)? Current()
    {
        var pointer = Path.Combine(this.Root, CurrentFile);
        if (!File.Exists(pointer))
        {
            return null;
        }

        var generation = Path.Combine(this.Root, File.ReadAllText(pointer).Trim());
        var manifest = Path.Combine(generation, ManifestFile);
        if (!File.Exists(manifest))
        {
            logger.LogWarning("CURRENT trỏ tới {Generation} nhưng thư mục đó không có manifest; sẽ dựng lại chỉ mục.", generation);
            return null;
        }

        try
        {
            return (generation, JsonSerializer.Deserialize<IndexManifest>(File.ReadAllText(manifest))!);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "manifest của {Generation} hỏng; sẽ dựng lại chỉ mục.", generation);
            return null;
        }
    }

    /// <summary>Builds a new generation from the loaded corpus and makes it current.</summary>
    public Task<IndexManifest> BuildAsync(CorpusLoadResult corpus, string fingerprint, IProgress<int>? progress, CancellationToken cancellationToken) =>
        this.BuildAsync(_ => Task.FromResult((corpus, fingerprint)), progress, cancellationToken, full: true);

    /// <summary>
    /// Builds a new generation from the corpus as <paramref name="load"/> reads it once the build lock
    /// is held, so that of two processes writing the corpus and building, the later build sees both writes.
    /// Unless <paramref name="full"/>, the new generation starts as a copy of the current one (Lucene's files never
    /// change once written) and only the documents whose hash changed are rewritten; either way it is published by
    /// switching CURRENT, so a crash leaves the previous generation serving and readers keep the one they opened.
    /// </summary>
    public async Task<IndexManifest> BuildAsync(
        Func<CancellationToken, Task<(CorpusLoadResult Corpus, string Fingerprint)>> load, IProgress<int>? progress, CancellationToken cancellationToken, bool full = false)
    {
        System.IO.Directory.CreateDirectory(this.Root);

        // The bots, the web host and the command line may share a data directory: one build at a time.
        using var buildLock = await AcquireBuildLockAsync(cancellationToken).ConfigureAwait(false);
        this.RemoveUnfinishedBuilds();
        var (corpus, fingerprint) = await load(cancellationToken).ConfigureAwait(false);
        var hashes = corpus.Documents.ToDictionary(d => d.Id, d => PassageIndexWriter.HashOf(d, corpus.Catalog), StringComparer.Ordinal);
        var previous = full ? null : this.Current();

        var name = $"gen-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{fingerprint}";
        var building = Path.Combine(this.Root, name + BuildingSuffix);
        int reindexed;
        if (previous is { Manifest: { Format: CorpusFingerprint.IndexFormat, DocumentHashes: { } before } } current)
        {
            var changed = corpus.Documents.Where(d => !before.TryGetValue(d.Id, out var old) || old != hashes[d.Id]).ToList();
            var removed = before.Keys.Where(id => !hashes.ContainsKey(id)).ToList();
            CopyIndexFiles(current.Path, building);
            using var directory = FSDirectory.Open(building);
            PassageIndexWriter.Update(directory, changed, removed, corpus.Catalog, progress, cancellationToken);
            reindexed = changed.Count;
        }
        else
        {
            // Bodies the load left for later are all needed now: parsed on every core, not one by one as they are written.
            Parallel.ForEach(corpus.Documents, new ParallelOptions { CancellationToken = cancellationToken }, d => _ = d.Passages);
            using var directory = FSDirectory.Open(building);
            PassageIndexWriter.Write(directory, corpus.Documents, corpus.Catalog, progress, cancellationToken);
            reindexed = corpus.Documents.Count;
        }

        // A file the load did not parse past its front matter was counted by the build it was indexed in.
        var counted = previous?.Manifest is { Format: CorpusFingerprint.IndexFormat, ParsedFiles: { } known } ? known : null;
        int PassagesOf(CorpusDocument d) =>
            !d.BodyParsed && d.ContentHash is { } hash && counted?.TryGetValue(hash, out var count) == true ? count : d.Passages.Count;
        var passages = corpus.Documents.ToDictionary(d => d.Id, PassagesOf, StringComparer.Ordinal);
        var manifest = new IndexManifest(fingerprint, corpus.Documents.Count, passages.Values.Sum(), DateTimeOffset.UtcNow,
            corpus.Errors.Select(e => e.Message).ToList())
        {
            Format = CorpusFingerprint.IndexFormat,
            DocumentHashes = hashes,
            ParsedFiles = corpus.Documents.Where(d => d.ContentHash is not null).GroupBy(d => d.ContentHash!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => passages[g.First().Id], StringComparer.Ordinal),
            Reindexed = reindexed,
        };
        await File.WriteAllTextAsync(Path.Combine(building, ManifestFile), JsonSerializer.Serialize(manifest), cancellationToken).ConfigureAwait(false);

        var final = Path.Combine(this.Root, name);
        System.IO.Directory.Move(building, final);
        var pointerTemp = Path.Combine(this.Root, CurrentFile + ".tmp");
        await File.WriteAllTextAsync(pointerTemp, name, cancellationToken).ConfigureAwait(false);
        File.Move(pointerTemp, Path.Combine(this.Root, CurrentFile), overwrite: true);
        logger.LogInformation("Đã dựng chỉ mục {Generation}: {Documents} văn bản, {Passages} đoạn ({Reindexed} văn bản viết lại).", name, manifest.Documents, manifest.Passages, reindexed);

        this.RemoveOldGenerations(keep: name);
        return manifest;
    }

    // Lucene's own files only: the manifest and the integrity stamp belong to the generation they describe.
    private static void CopyIndexFiles(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.EnumerateFiles(from))
        {
            var fileName = Path.GetFileName(file);
            if (fileName is ManifestFile or "verified.stamp" or "write.lock")
            {
                continue;
            }

            // A segment's files ("_3.cfs", "_3_1.del") are never written again once made, so the new generation may share
            // them with the old one (a national index is gigabytes); the commit files ("segments_N", "segments.gen") are copied.
            var target = Path.Combine(to, fileName);
            if (!fileName.StartsWith('_') || !HardLink.TryCreate(file, target))
            {
                File.Copy(file, target);
            }
        }
    }

    private async Task<FileStream> AcquireBuildLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(this.Root, "build.lock");
        var waited = TimeSpan.Zero;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException e) when (waited >= LockTimeout)
            {
                throw new IOException($"Một tiến trình khác đã dựng chỉ mục quá {LockTimeout.TotalMinutes:0} phút ({path}); hãy thử lại sau.", e);
            }
            catch (IOException) when (waited < LockTimeout)
            {
                if (waited == TimeSpan.Zero)
                {
                    logger.LogInformation("Một tiến trình khác đang dựng chỉ mục; đang chờ …");
                }

                await Task.Delay(LockPoll, cancellationToken).ConfigureAwait(false);
                waited += LockPoll;
            }
        }
    }

    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    private void RemoveUnfinishedBuilds()
    {
        foreach (var dir in System.IO.Directory.EnumerateDirectories(this.Root, "*" + BuildingSuffix))
        {
            TryDelete(dir);
        }
    }

    private void RemoveOldGenerations(string keep)
    {
        foreach (var dir in System.IO.Directory.EnumerateDirectories(this.Root, "gen-*"))
        {
            if (!string.Equals(Path.GetFileName(dir), keep, StringComparison.Ordinal) && !dir.EndsWith(BuildingSuffix, StringComparison.Ordinal))
            {
                // A searcher in another process may still read it; on Linux open files outlive deletion.
                TryDelete(dir);
            }
        }
    }

    private void TryDelete(string dir)
    {
        try
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
        catch (IOException e)
        {
            logger.LogDebug(e, "Chưa xoá được {Directory}", dir);
        }
        catch (UnauthorizedAccessException e)
        {
            logger.LogDebug(e, "Chưa xoá được {Directory}", dir);
        }
    }
}
