using PartyAssistant.Facts;
using PartyAssistant.Search;

namespace PartyAssistant.Obligations;

/// <summary>The checklists as the command line and the bots ask for them, read from the corpus as it is now.</summary>
public sealed class ObligationBook(CorpusIndex index)
{
    public async Task<IReadOnlyList<RoleObligations>> AllAsync(CancellationToken cancellationToken)
    {
        var corpus = await index.LoadCorpusAsync(cancellationToken).ConfigureAwait(false);
        return ObligationFinder.FindAll(corpus);
    }

    /// <summary>The reply to "/nghiavu <paramref name="query"/>": the roles when empty, a clear message for an unknown role, otherwise the checklist.</summary>
    /// <param name="usage">How to ask for one role on this channel, shown under the list of roles.</param>
    public async Task<string> DescribeAsync(string query, string usage, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return ObligationText.RoleList(await this.AllAsync(cancellationToken).ConfigureAwait(false), usage);
        }

        if (ObligationRoles.Resolve(query) is not { } choice)
        {
            return ObligationText.Unknown(query);
        }

        var checklist = ObligationText.Checklist(await this.ForAsync(choice.Role, cancellationToken).ConfigureAwait(false));
        return choice.Nearest is null ? checklist : $"{choice.Nearest}\n\n{checklist}";
    }

    /// <summary>A role's duties with the passages they quote and the titles of their documents, for answers that cite them.</summary>
    public async Task<(IReadOnlyList<(Obligation Item, Corpus.Passage Passage)> Duties, Func<string, string> TitleOf)> WithPassagesAsync(Role role, CancellationToken cancellationToken)
    {
        var corpus = await index.LoadCorpusAsync(cancellationToken).ConfigureAwait(false);
        var passages = corpus.Passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var items = ObligationFinder.FindAll(corpus).First(r => r.Role.Id == role.Id).Items;
        return (items.Select(i => (i, passages[i.PassageId])).ToList(), id => corpus.FindDocument(id)?.Metadata.Title ?? string.Empty);
    }

    public async Task<RoleObligations> ForAsync(Role role, CancellationToken cancellationToken) =>
        (await this.AllAsync(cancellationToken).ConfigureAwait(false)).First(r => r.Role.Id == role.Id);
}
