using System.Globalization;
using System.Text;
using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Search;

namespace PartyAssistant.Obligations;

/// <summary>A duty with the passage it quotes and its document's title, for answers that cite it.</summary>
public sealed record DutyPassage(Obligation Item, Passage Passage, string DocumentTitle);

/// <summary>
/// The checklists as the command line and the bots ask for them, read from the corpus as it is now.
/// They are worked out once per state of the corpus: each call compares the corpus files' names,
/// sizes and modification times (no reading, no hashing) with those the checklists were made from,
/// and reads the corpus again only when they differ, e.g. after `ingest`. Safe to share between threads.
/// </summary>
public sealed class ObligationBook
{
    private readonly string corpusDirectory;
    private readonly Func<CancellationToken, Task<CorpusLoadResult>> load;
    private readonly SemaphoreSlim rebuild = new(1, 1);
    private volatile Checklists? current;

    public ObligationBook(CorpusIndex index)
        : this(index.CorpusDirectory, index.LoadCorpusAsync)
    {
    }

    /// <summary>A book over <paramref name="corpusDirectory"/> that reads the corpus with <paramref name="load"/> (a seam for tests).</summary>
    internal ObligationBook(string corpusDirectory, Func<CancellationToken, Task<CorpusLoadResult>> load)
    {
        this.corpusDirectory = corpusDirectory;
        this.load = load;
    }

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

        if (RoleLexicon.Resolve(query) is not { } choice)
        {
            return ObligationText.Unknown(query);
        }

        var checklist = ObligationText.Checklist(await this.ForAsync(choice.Role, cancellationToken).ConfigureAwait(false));
        return choice.Nearest is null ? checklist : $"{choice.Nearest}\n\n{checklist}";
    }

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
        var stamp = this.Stamp();
        if (this.current is { } cached && cached.Stamp == stamp)
        {
            return cached;
        }

        await this.rebuild.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have read the corpus while this one waited; the stamp is taken
            // again so that a change made meanwhile is not missed.
            stamp = this.Stamp();
            if (this.current is { } fresh && fresh.Stamp == stamp)
            {
                return fresh;
            }

            // The stamp is taken before reading: a file changed during the read makes the next call read again.
            var corpus = await this.load(cancellationToken).ConfigureAwait(false);
            var made = Checklists.From(stamp, corpus);
            this.current = made;
            return made;
        }
        finally
        {
            this.rebuild.Release();
        }
    }

    /// <summary>The corpus files (the loader's *.md) by name, size and last write time.</summary>
    private string Stamp()
    {
        if (!Directory.Exists(this.corpusDirectory))
        {
            return string.Empty;
        }

        var stamp = new StringBuilder();
        foreach (var file in new DirectoryInfo(this.corpusDirectory).EnumerateFiles("*.md").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            stamp.Append(file.Name).Append('\t').Append(file.Length.ToString(CultureInfo.InvariantCulture))
                .Append('\t').Append(file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return stamp.ToString();
    }

    private sealed record Checklists(string Stamp, IReadOnlyList<RoleObligations> All, IReadOnlyDictionary<string, IReadOnlyList<DutyPassage>> Duties)
    {
        public static Checklists From(string stamp, CorpusLoadResult corpus)
        {
            var all = ObligationFinder.FindAll(corpus);
            var passages = corpus.Passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
            var duties = all.ToDictionary(
                r => r.Role.Id,
                r => (IReadOnlyList<DutyPassage>)r.Items
                    .Select(i => new DutyPassage(i, passages[i.PassageId], corpus.FindDocument(i.DocumentId)?.Metadata.Title ?? string.Empty))
                    .ToList(),
                StringComparer.Ordinal);
            return new Checklists(stamp, all, duties);
        }
    }
}
