using PartyAssistant.Corpus;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Documents;

/// <summary>The documents of the corpus for every door: `docs`, the bots' /vanban and `GET /api/documents`.</summary>
public sealed class DocumentListing(CorpusIndex index)
{
    /// <summary>The catalog of the corpus as it is now, with the files that could not be read.</summary>
    public async Task<CorpusLoadResult> CorpusAsync(CancellationToken cancellationToken) =>
        await index.CurrentCorpusAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<DocumentView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await this.CorpusAsync(cancellationToken).ConfigureAwait(false)).Catalog.Entries.Select(DocumentView.From)];

    /// <summary>The document with its sections and passages, or null with the reason (bad id, or none with that id).</summary>
    public async Task<(DocumentStructureView? Document, string? Problem, bool BadId)> StructureAsync(string? documentId, CancellationToken cancellationToken)
    {
        var id = documentId?.Trim() ?? string.Empty;
        if (InputValidator.Id(id, "mã văn bản") is { } problem)
        {
            return (null, problem, true);
        }

        var corpus = await this.CorpusAsync(cancellationToken).ConfigureAwait(false);
        if (corpus.FindDocument(id) is not { } document)
        {
            return (null, corpus.UnknownDocument(id), false);
        }

        var sections = document.Passages
            .GroupBy(p => p.SectionPath, StringComparer.Ordinal)
            .Select(g =>
            {
                var section = document.Sections.FirstOrDefault(s => s.Path == g.Key);
                return new SectionView(g.Key, section?.Heading ?? g.First().Heading, section?.LabelPart ?? string.Empty,
                    [.. g.Select(p => new PassageLineView(p.Id, p.Label, p.Text))]);
            })
            .ToList();
        return (new DocumentStructureView(DocumentView.From(corpus.Catalog[document.Id]), document.Metadata.IsSummary ? PassageInContext.SummaryNote : null, sections), null, false);
    }
}
