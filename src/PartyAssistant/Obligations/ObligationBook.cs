using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Search;

namespace PartyAssistant.Obligations;

/// <summary>A duty with the passage it quotes and its document's title, for answers that cite it.</summary>
public sealed record DutyPassage(Obligation Item, Passage Passage, string DocumentTitle)
{
    /// <summary>The number of the document the duty is from ("213-QĐ/TW"), when it has one: what a question naming it matches.</summary>
    public DocumentReference? DocumentNumber { get; init; }
}

/// <summary>
/// The checklists as the command line and the bots ask for them, from the corpus as it is now
/// (<see cref="CorpusIndex.CurrentCorpusAsync"/>): worked out once per corpus read, so again only
/// after a corpus file changed, e.g. after `ingest`. Safe to share between threads.
/// </summary>
public sealed class ObligationBook
{
    private readonly Func<CancellationToken, Task<CorpusLoadResult>> currentCorpus;
    private volatile Checklists? current;

    public ObligationBook(CorpusIndex index)
        : this(index.CurrentCorpusAsync)
    {
    }

    /// <summary>A book over the corpus <paramref name="currentCorpus"/> gives (a seam for tests).</summary>
    internal ObligationBook(Func<CancellationToken, Task<CorpusLoadResult>> currentCorpus) => this.currentCorpus = currentCorpus;

    public async Task<IReadOnlyList<RoleObligations>> AllAsync(CancellationToken cancellationToken) =>
        (await this.CurrentAsync(cancellationToken).ConfigureAwait(false)).All;

    /// <summary>The reply to "/nghiavu <paramref name="query"/>": the roles when empty, a clear message for an unknown role, otherwise the checklist.</summary>
    /// <param name="usage">How to ask for one role on this channel, shown under the list of roles.</param>
    public async Task<string> DescribeAsync(string query, string usage, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return ObligationText.RoleList(await this.AllAsync(cancellationToken).ConfigureAwait(false), usage);
        }

        if (await this.LookupAsync(query, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return ObligationText.Unknown(query);
        }

        var checklist = ObligationText.Checklist(found.List);
        return found.Choice.Nearest is null ? checklist : $"{found.Choice.Nearest}\n\n{checklist}";
    }

    /// <summary>The checklist of the role <paramref name="query"/> names, typed any way; null when no role fits (say <see cref="ObligationText.Unknown"/>).</summary>
    public async Task<(RoleChoice Choice, RoleObligations List)?> LookupAsync(string query, CancellationToken cancellationToken) =>
        RoleLexicon.Resolve(query) is { } choice ? (choice, await this.ForAsync(choice.Role, cancellationToken).ConfigureAwait(false)) : null;

    /// <summary>A role's duties with the passages they quote and the titles of their documents, for answers that cite them.</summary>
    public async Task<IReadOnlyList<DutyPassage>> WithPassagesAsync(Role role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        return (await this.CurrentAsync(cancellationToken).ConfigureAwait(false)).Duties.GetValueOrDefault(role.Id, []);
    }

    public async Task<RoleObligations> ForAsync(Role role, CancellationToken cancellationToken) =>
        (await this.AllAsync(cancellationToken).ConfigureAwait(false)).First(r => r.Role.Id == role.Id);

    private async Task<Checklists> CurrentAsync(CancellationToken cancellationToken)
    {
        var corpus = await this.currentCorpus(cancellationToken).ConfigureAwait(false);
        if (this.current is { } cached && ReferenceEquals(cached.Corpus, corpus))
        {
            return cached;
        }

        // Two callers meeting a new corpus may both work it out; the result is the same.
        var made = Checklists.From(corpus);
        this.current = made;
        return made;
    }

    private sealed record Checklists(CorpusLoadResult Corpus, IReadOnlyList<RoleObligations> All, IReadOnlyDictionary<string, IReadOnlyList<DutyPassage>> Duties)
    {
        public static Checklists From(CorpusLoadResult corpus)
        {
            var all = ObligationFinder.FindAll(corpus);
            var passages = corpus.Passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
            var duties = all.ToDictionary(
                r => r.Role.Id,
                r => (IReadOnlyList<DutyPassage>)r.Items
                    .Select(i => (Item: i, Metadata: corpus.FindDocument(i.DocumentId)?.Metadata))
                    .Select(x => new DutyPassage(x.Item, passages[x.Item.PassageId], x.Metadata?.Title ?? string.Empty)
                    {
                        DocumentNumber = DocumentReference.ParseNumber(x.Metadata?.Number),
                    })
                    .ToList(),
                StringComparer.Ordinal);
            return new Checklists(corpus, all, duties);
        }
    }
}
