using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PartyAssistant.Search;

/// <summary>
/// Searches one opened index. A passage's score blends its best sentence with the passage as a
/// whole, and unofficial summaries are weighted down. Thread-safe: nothing here is mutable after construction.
/// </summary>
public sealed class PassageSearcher : IDisposable
{
    // Deep enough that a passage's best sentence and the passage itself are both seen.
    private const int CandidateDepth = 200;

    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly PassageQueryBuilder queryBuilder;
    private readonly SearchOptions options;
    private readonly Dictionary<string, StoredPassage> passages = new(StringComparer.Ordinal);

    public PassageSearcher(LuceneDirectory directory, SearchOptions options)
    {
        this.options = options;
        this.reader = DirectoryReader.Open(directory);
        this.searcher = new IndexSearcher(this.reader) { Similarity = new BM25Similarity(options.K1, options.B) };
        this.queryBuilder = new PassageQueryBuilder(new VietnameseAnalyzer(), options);
        var onlyPassages = this.searcher.Search(new TermQuery(new Term(SearchFields.Unit, SearchFields.PassageUnit)), Math.Max(1, this.reader.MaxDoc));
        foreach (var scoreDoc in onlyPassages.ScoreDocs)
        {
            var stored = this.searcher.Doc(scoreDoc.Doc);
            var passage = new StoredPassage(
                stored.Get(SearchFields.Id),
                stored.Get(SearchFields.DocumentId),
                stored.Get(SearchFields.Label),
                stored.Get(SearchFields.Text),
                stored.Get(SearchFields.Kind) == "summary",
                stored.Get(SearchFields.DocumentType) ?? string.Empty,
                (stored.Get(SearchFields.ReferenceKeys) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
            this.passages[passage.Id] = passage;
        }
    }

    public int PassageCount => this.passages.Count;

    public IReadOnlyList<SearchHit> Search(string question, int top) => this.Search(AnalyzedQuestion.From(question), top);

    public IReadOnlyList<SearchHit> Search(AnalyzedQuestion question, int top)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var query = this.queryBuilder.Build(question);
        var candidates = this.searcher.Search(query, CandidateDepth);

        var whole = new Dictionary<string, float>(StringComparer.Ordinal);
        var bestSentence = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var scoreDoc in candidates.ScoreDocs)
        {
            var stored = this.searcher.Doc(scoreDoc.Doc, FieldsToLoad);
            var id = stored.Get(SearchFields.Id);
            var target = stored.Get(SearchFields.Unit) == SearchFields.SentenceUnit ? bestSentence : whole;
            if (!target.TryGetValue(id, out var seen) || seen < scoreDoc.Score)
            {
                target[id] = scoreDoc.Score;
            }
        }

        return whole.Keys.Union(bestSentence.Keys)
            .Where(this.passages.ContainsKey)
            .Select(id =>
            {
                var passage = this.passages[id];
                var score = (this.options.PassageWeight * whole.GetValueOrDefault(id)) +
                            (this.options.SentenceWeight * bestSentence.GetValueOrDefault(id));
                return (Passage: passage, Score: score * this.Preference(passage, question));
            })
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Passage.Id, StringComparer.Ordinal)
            .Take(top)
            .Select((x, i) => new SearchHit(i + 1, x.Passage.Id, x.Passage.DocumentId, x.Passage.Label, x.Score, x.Passage.Text, x.Passage.FromSummary))
            .ToList();
    }

    public void Dispose() => this.reader.Dispose();

    /// <summary>What the wording of the question says about which passages should come first.</summary>
    private float Preference(StoredPassage passage, AnalyzedQuestion question)
    {
        var factor = 1f;

        // Summaries are our own wording: where the official text says the same, it comes first.
        if (passage.FromSummary)
        {
            factor *= this.options.SummaryWeight;
        }

        if (question.References.Any(r => passage.ReferenceKeys.Contains(r.QueryKey)))
        {
            factor *= this.options.NamedDocumentFactor;
        }

        if (question.PointedType is { } type && string.Equals(type, passage.DocumentType, StringComparison.Ordinal))
        {
            factor *= this.options.PointedTypeFactor;
        }

        if (question.Expected != ExpectedAnswer.Any && AnswerShape.Satisfies(question.Expected, passage.Text))
        {
            factor *= this.options.AnswerShapeFactor;
        }

        return factor;
    }

    private static readonly HashSet<string> FieldsToLoad = [SearchFields.Id, SearchFields.Unit];

    private sealed record StoredPassage(string Id, string DocumentId, string Label, string Text, bool FromSummary, string DocumentType, HashSet<string> ReferenceKeys);
}
