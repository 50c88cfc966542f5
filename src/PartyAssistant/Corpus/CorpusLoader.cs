using Microsoft.Extensions.Logging;

namespace PartyAssistant.Corpus;

/// <summary>Every readable document of a corpus folder, and a clear error for each file that is not.</summary>
public sealed record CorpusLoadResult(IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<CorpusFormatException> Errors)
{
    public IEnumerable<Passage> Passages => this.Documents.SelectMany(d => d.Passages);

    private CorpusCatalog? catalog;

    public CorpusDocument? FindDocument(string id) => this.Documents.FirstOrDefault(d => d.Id == id);

    /// <summary>Standing and relations of the documents (replaced, summary of an ingested text).</summary>
    public CorpusCatalog Catalog => this.catalog ??= CorpusCatalog.Build(this.Documents);

    /// <summary>"đang có hiệu lực", "đã được thay thế bởi … (ngày …)", as the catalog sees it.</summary>
    public string DescribeStanding(CorpusDocument document) => this.Catalog[document.Id].DescribeStanding();
}

public sealed class CorpusLoader(ILogger<CorpusLoader> logger)
{
    public async Task<CorpusLoadResult> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Không tìm thấy thư mục corpus: {Path.GetFullPath(directory)}");
        }

        var documents = new List<CorpusDocument>();
        var errors = new List<CorpusFormatException>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var content = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            try
            {
                var document = CorpusFileParser.Parse(file, content);
                if (documents.Any(d => d.Id == document.Id))
                {
                    throw new CorpusFormatException(file, 2, $"id \"{document.Id}\" đã được dùng cho một tệp khác.");
                }

                documents.Add(document);
            }
            catch (CorpusFormatException e)
            {
                logger.LogWarning("Bỏ qua tệp corpus lỗi {File} (dòng {Line}): {Problem}", Path.GetFileName(e.File), e.Line, e.Problem);
                errors.Add(e);
            }
        }

        return new CorpusLoadResult(documents, errors);
    }
}
