using Microsoft.Extensions.Logging;

namespace PartyAssistant.Corpus;

/// <summary>Every readable document of a corpus folder, and a clear error for each file that is not.</summary>
public sealed record CorpusLoadResult(IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<CorpusFormatException> Errors)
{
    public IEnumerable<Passage> Passages => this.Documents.SelectMany(d => d.Passages);

    private CorpusCatalog? catalog;

    public CorpusDocument? FindDocument(string id) => this.Documents.FirstOrDefault(d => d.Id == id);

    /// <summary>What to tell someone who named a document the corpus does not hold: the ids it does.</summary>
    public string UnknownDocument(string id) => $"Không có văn bản mang mã \"{id}\". Các mã hợp lệ: {string.Join(", ", this.Documents.Select(d => d.Id))}.";

    /// <summary>Standing and relations of the documents (replaced, summary of an ingested text).</summary>
    public CorpusCatalog Catalog => this.catalog ??= CorpusCatalog.Build(this.Documents);

    /// <summary>"đang có hiệu lực", "đã được thay thế bởi … (ngày …)", as the catalog sees it.</summary>
    public string DescribeStanding(CorpusDocument document) => this.Catalog[document.Id].DescribeStanding();
}

public sealed class CorpusLoader(ILogger<CorpusLoader> logger)
{
    // Files parsed before, by path, with the size and time they had: an ingest reads the corpus to check it, then again
    // to index it, and running bots read it after each change; only files written since are parsed again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Length, long Ticks, CorpusDocument Document)> parsed = new(StringComparer.Ordinal);

    public Task<CorpusLoadResult> LoadAsync(string directory, CancellationToken cancellationToken) =>
        this.LoadAsync(directory, parsedBefore: null, cancellationToken);

    /// <param name="parsedBefore">Hashes of file texts the current index was built from: those files' bodies are parsed on first need (see <see cref="CorpusFileParser.Parse(string, string, IReadOnlySet{string}?)"/>).</param>
    public async Task<CorpusLoadResult> LoadAsync(string directory, IReadOnlySet<string>? parsedBefore, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Không tìm thấy thư mục corpus: {Path.GetFullPath(directory)}");
        }

        var files = Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal).ToArray();

        // Files parse independently; a national corpus has hundreds of them, so they are read on every core.
        var results = new (CorpusDocument? Document, CorpusFormatException? Error)[files.Length];
        await Parallel.ForAsync(0, files.Length, cancellationToken, async (i, token) => results[i] = await this.ParseAsync(files[i], parsedBefore, token).ConfigureAwait(false)).ConfigureAwait(false);

        var documents = new List<CorpusDocument>();
        var errors = new List<CorpusFormatException>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (document, error) in results)
        {
            var problem = error;
            if (document is not null && !ids.Add(document.Id))
            {
                problem = new CorpusFormatException(document.SourcePath, 2, $"id \"{document.Id}\" đã được dùng cho một tệp khác.");
            }
            else if (document is not null)
            {
                documents.Add(document);
            }

            if (problem is not null)
            {
                logger.LogWarning("Bỏ qua tệp corpus lỗi {File} (dòng {Line}): {Problem}", Path.GetFileName(problem.File), problem.Line, problem.Problem);
                errors.Add(problem);
            }
        }

        var present = files.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var folder = Path.GetFullPath(directory);
        foreach (var gone in this.parsed.Keys.Where(path => path.StartsWith(folder, StringComparison.Ordinal) && !present.Contains(path)))
        {
            this.parsed.TryRemove(gone, out _);
        }

        return new CorpusLoadResult(documents, errors);
    }

    private async Task<(CorpusDocument?, CorpusFormatException?)> ParseAsync(string file, IReadOnlySet<string>? parsedBefore, CancellationToken cancellationToken)
    {
        var info = new FileInfo(file);
        var key = info.FullName;
        if (this.parsed.TryGetValue(key, out var seen) && seen.Length == info.Length && seen.Ticks == info.LastWriteTimeUtc.Ticks)
        {
            return (seen.Document, null);
        }

        var content = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        try
        {
            var document = CorpusFileParser.Parse(file, content, parsedBefore);
            this.parsed[key] = (info.Length, info.LastWriteTimeUtc.Ticks, document);
            return (document, null);
        }
        catch (CorpusFormatException e)
        {
            return (null, e);
        }
    }
}
