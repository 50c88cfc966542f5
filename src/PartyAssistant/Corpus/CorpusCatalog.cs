using System.Globalization;
using PartyAssistant.Search;

namespace PartyAssistant.Corpus;

/// <summary>Whether a document's passages may answer a question.</summary>
public enum DocumentStanding
{
    InForce,

    /// <summary>Replaced by a newer document: shown only when asked for by number, with a warning.</summary>
    Replaced,

    /// <summary>A summary whose official text is in the corpus: listed, never used for answers.</summary>
    SummaryOfIngestedText,
}

/// <summary>One document with what the rest of the corpus says about it.</summary>
public sealed record DocumentEntry(
    CorpusDocument Document,
    DocumentStanding Standing,
    string? Warning,
    IReadOnlyList<CorpusDocument> ReplacedBy,
    IReadOnlyList<CorpusDocument> Replaces,
    CorpusDocument? OfficialText,
    CorpusDocument? SummaryOf)
{
    public string Id => this.Document.Id;

    /// <summary>Vietnamese, for lists: "đang có hiệu lực", "đã được thay thế bởi … (ngày …)".</summary>
    public string DescribeStanding() => this.Standing switch
    {
        DocumentStanding.SummaryOfIngestedText => $"đã có toàn văn ({this.OfficialText!.Id}); bản tóm tắt không còn dùng để trả lời",
        DocumentStanding.Replaced => this.Warning!,
        _ => this.Document.Metadata.Status.Describe(),
    };
}

/// <summary>A document number or id that a document cites but the corpus does not hold (or holds only as a summary).</summary>
public sealed record MissingReference(string Reference, bool OnlySummary, string? SummaryId, IReadOnlyList<string> CitedBy);

/// <summary>
/// The corpus seen as a whole: which documents replace which, which official texts take the
/// place of summaries, and which cited documents are missing. Computed, never written back, so
/// ingesting a new text does not edit the files of the documents it replaces.
/// </summary>
public sealed class CorpusCatalog
{
    private readonly Dictionary<string, DocumentEntry> entries;
    private readonly IReadOnlyList<CorpusDocument> documents;

    private CorpusCatalog(IReadOnlyList<CorpusDocument> documents, Dictionary<string, DocumentEntry> entries)
    {
        this.documents = documents;
        this.entries = entries;
    }

    public IEnumerable<DocumentEntry> Entries => this.documents.Select(d => this.entries[d.Id]);

    public DocumentEntry this[string id] => this.entries[id];

    public bool Contains(string id) => this.entries.ContainsKey(id);

    public static CorpusCatalog Build(IReadOnlyList<CorpusDocument> documents)
    {
        var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var entries = new Dictionary<string, DocumentEntry>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var replacedBy = documents.Where(other => other.Metadata.Replaces.Any(r => Names(r, document))).ToList();
            var replaces = document.Metadata.Replaces.Select(r => Find(r, documents)).OfType<CorpusDocument>().ToList();
            var officialText = document.Metadata.IsSummary
                ? documents.FirstOrDefault(other => !other.Metadata.IsSummary && other.Metadata.SummaryOf == document.Id)
                : null;
            var summaryOf = document.Metadata.SummaryOf is { } s ? byId.GetValueOrDefault(s) : null;

            var (standing, warning) = (officialText, replacedBy.Count, document.Metadata.Status.IsReplaced) switch
            {
                ({ }, _, _) => (DocumentStanding.SummaryOfIngestedText, (string?)null),
                (_, > 0, _) => (DocumentStanding.Replaced, ReplacedWarning(InForceSuccessor(replacedBy[0], documents))),
                (_, _, true) => (DocumentStanding.Replaced, document.Metadata.Status.Describe()),
                _ => (DocumentStanding.InForce, null),
            };
            entries[document.Id] = new DocumentEntry(document, standing, warning, replacedBy, replaces, officialText, summaryOf);
        }

        return new CorpusCatalog(documents, entries);
    }

    /// <summary>
    /// Every document number cited in front matter or text that no document of the corpus carries,
    /// and those only a summary stands for; plus relations (replaces, summary_of) naming nothing.
    /// </summary>
    public IReadOnlyList<MissingReference> FindMissingReferences()
    {
        var citedBy = new Dictionary<string, (string Shown, SortedSet<string> By)>(StringComparer.Ordinal);
        void Cite(string key, string shown, string by)
        {
            if (!citedBy.TryGetValue(key, out var entry))
            {
                citedBy[key] = entry = (shown, new SortedSet<string>(StringComparer.Ordinal));
            }

            entry.By.Add(by);
        }

        foreach (var document in this.documents)
        {
            var own = DocumentReference.ParseNumber(document.Metadata.Number);
            var related = document.Metadata.References.Concat(document.Metadata.Replaces)
                .Concat(document.Metadata.SummaryOf is null ? [] : [document.Metadata.SummaryOf]);
            foreach (var reference in related)
            {
                if (this.entries.ContainsKey(reference))
                {
                    continue;
                }

                if (DocumentReference.ParseNumber(reference) is { } parsed)
                {
                    Cite(parsed.QueryKey, parsed.Printed, document.Id);
                }
                else
                {
                    Cite(reference, reference, document.Id);
                }
            }

            var text = string.Join('\n', document.Passages.Select(p => p.Text));
            foreach (var found in DocumentReference.FindAll(text).Where(r => r.IssuerCode is not null))
            {
                if (own is null || found.QueryKey != own.QueryKey)
                {
                    Cite(found.QueryKey, found.Printed, document.Id);
                }
            }
        }

        var missing = new List<MissingReference>();
        foreach (var (key, (shown, by)) in citedBy.OrderBy(c => c.Value.Shown, StringComparer.Ordinal))
        {
            var holders = this.documents.Where(d => Carries(d, key)).ToList();
            if (holders.Count == 0)
            {
                missing.Add(new MissingReference(shown, OnlySummary: false, SummaryId: null, by.ToList()));
            }
            else if (holders.All(h => h.Metadata.IsSummary))
            {
                missing.Add(new MissingReference(shown, OnlySummary: true, holders[0].Id, by.ToList()));
            }
        }

        return missing;
    }

    /// <summary>
    /// Follows a chain of replacements (A replaced by B, B by C) to the document now in force, so
    /// the warning points where the reader should look. A cycle stops where it closes.
    /// </summary>
    private static CorpusDocument InForceSuccessor(CorpusDocument by, IReadOnlyList<CorpusDocument> documents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { by.Id };
        var current = by;
        while (documents.FirstOrDefault(other => other.Metadata.Replaces.Any(r => Names(r, current))) is { } next && seen.Add(next.Id))
        {
            current = next;
        }

        return current;
    }

    /// <summary>"đã được thay thế bởi Quy định 213-QĐ/TW (ngày 02/01/2020)".</summary>
    public static string ReplacedWarning(CorpusDocument by)
    {
        var date = by.Metadata.Date is { } d ? $" (ngày {d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})" : string.Empty;
        return $"đã được thay thế bởi {by.Metadata.CitationName}{date}";
    }

    /// <summary>The document an id or a printed number ("76-QĐ/TW") names, if the corpus has it.</summary>
    public static CorpusDocument? Find(string reference, IReadOnlyList<CorpusDocument> documents) =>
        documents.FirstOrDefault(d => Names(reference, d));

    private static bool Names(string reference, CorpusDocument document)
    {
        if (string.Equals(reference, document.Id, StringComparison.Ordinal))
        {
            return true;
        }

        var parsed = DocumentReference.ParseNumber(reference);
        return parsed is not null && Carries(document, parsed.QueryKey);
    }

    private static bool Carries(CorpusDocument document, string key) =>
        DocumentReference.ParseNumber(document.Metadata.Number)?.Keys.Contains(key, StringComparer.Ordinal) == true;
}
