using PartyAssistant.Corpus;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Documents;

/// <summary>A passage found by its id, with its document, standing and the passages beside it in its section.</summary>
public sealed record PassageInContext(Passage Passage, CorpusDocument Document, DocumentEntry Entry, Passage? Previous, Passage? Next)
{
    /// <summary>What every door says of a summary's passage.</summary>
    public const string SummaryNote = "Bản tóm tắt không chính thức, không phải nguyên văn.";

    public bool InForce => this.Entry.Standing == DocumentStanding.InForce;

    public PassageView ToView()
    {
        var m = this.Document.Metadata;
        return new PassageView(
            this.Passage.Id,
            this.Passage.Label,
            new PassageDocumentView(m.Id, m.Title, DocumentView.KindName(m), this.Entry.DescribeStanding(), this.InForce, m.IsSummary ? SummaryNote : null, m.NotCovered),
            this.Passage.Heading,
            this.Passage.Text,
            this.Previous?.Id,
            this.Next?.Id,
            this.Previous?.Text,
            this.Next?.Text);
    }
}

/// <summary>What a lookup found: the passage, or why not (in Vietnamese, without a door's own hint).</summary>
public sealed record PassageLookupResult(PassageInContext? Found, string? Problem, bool BadId = false);

/// <summary>Passage lookup by id for every door: `show`, the bots' /xem, `GET /api/passages/{id}` and the web page's citation links.</summary>
public sealed class PassageLookup(CorpusIndex index)
{
    public async Task<PassageLookupResult> FindAsync(string? passageId, CancellationToken cancellationToken)
    {
        var id = passageId?.Trim() ?? string.Empty;
        if (InputValidator.Id(id, "mã đoạn") is { } problem)
        {
            return new PassageLookupResult(null, problem, BadId: true);
        }

        var corpus = await index.CurrentCorpusAsync(cancellationToken).ConfigureAwait(false);
        var document = corpus.FindDocument(id.Split('/')[0]);
        var passage = document?.Passages.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
        if (document is null || passage is null)
        {
            var range = document is null ? string.Empty : $" Các đoạn của {document.Id} có mã từ {document.Passages[0].Id} đến {document.Passages[^1].Id}.";
            return new PassageLookupResult(null, $"Không có đoạn nào mang mã \"{id}\".{range}");
        }

        var siblings = document.Passages.Where(p => p.SectionPath == passage.SectionPath).ToList();
        var position = siblings.IndexOf(passage);
        var previous = position > 0 ? siblings[position - 1] : null;
        var next = position < siblings.Count - 1 ? siblings[position + 1] : null;
        return new PassageLookupResult(new PassageInContext(passage, document, corpus.Catalog[document.Id], previous, next), null);
    }
}
