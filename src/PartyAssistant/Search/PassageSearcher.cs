using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using PartyAssistant.Corpus;
using PartyAssistant.Questions;
using PartyAssistant.Text;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PartyAssistant.Search;

/// <summary>
/// Searches one opened index. A passage's score blends its best sentence with the passage as a
/// whole, and unofficial summaries are weighted down. Thread-safe: nothing here changes after construction but the
/// map of marked word pairs, read once on first need.
/// </summary>
public sealed class PassageSearcher : IDisposable
{
    // Deep enough that a passage's best sentence and the passage itself are both seen.
    private const int CandidateDepth = 200;

    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly PassageQueryBuilder queryBuilder;
    private readonly CandidateSearch candidateSearch;
    private readonly VietnameseAnalyzer analyzer = new();
    private readonly VietnameseAnalyzer withSynonyms = new(synonyms: true);
    private readonly SearchOptions options;
    private readonly Lazy<Dictionary<string, string[]>> markedPairs;

    // Opening reads nothing per document: a hit's passage is found through DocValues and its stored fields read on
    // first need, then kept (a warm index answers from memory; a cold one reads only what questions touch).
    private readonly IList<AtomicReaderContext> leaves;
    private readonly ConcurrentDictionary<int, StoredPassage> loaded = new();

    // The filter every question without a named document uses, cached per segment by Lucene.
    private readonly Filter inForce = new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Standing, SearchFields.InForce))));

    public PassageSearcher(LuceneDirectory directory, SearchOptions options)
    {
        this.options = options;
        this.reader = DirectoryReader.Open(directory);
        this.searcher = new IndexSearcher(this.reader) { Similarity = new BM25Similarity(options.K1, options.B) };
        this.queryBuilder = new PassageQueryBuilder(this.analyzer, this.withSynonyms, options);
        this.candidateSearch = new CandidateSearch(this.searcher, options);
        this.leaves = this.reader.Leaves;
        this.markedPairs = new Lazy<Dictionary<string, string[]>>(this.ReadMarkedPairs, LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>Passages in the index (sentences not counted; passages an update replaced not counted either).</summary>
    public int PassageCount
    {
        get
        {
            var count = new TotalHitCountCollector();
            this.searcher.Search(new TermQuery(new Term(SearchFields.Unit, SearchFields.PassageUnit)), count);
            return count.TotalHits;
        }
    }

    /// <summary>The passage a hit belongs to (itself, or the passage of a sentence), and whether the hit is a sentence.</summary>
    private (StoredPassage? Passage, bool IsSentence) PassageOf(int doc)
    {
        // Asked for at each use: a DocValues instance is not safe across threads, and the reader hands each thread its own.
        var leaf = this.leaves[ReaderUtil.SubIndex(doc, this.leaves)];
        var offset = leaf.AtomicReader.GetNumericDocValues(SearchFields.PassageOffset) is { } offsets ? (int)offsets.Get(doc - leaf.DocBase) : 0;
        var passageDoc = doc - offset;
        return (this.loaded.GetOrAdd(passageDoc, this.Load), offset > 0);
    }

    private StoredPassage Load(int doc)
    {
        var stored = this.reader.Document(doc);
        return new StoredPassage(
            stored.Get(SearchFields.Id),
            stored.Get(SearchFields.DocumentId),
            stored.Get(SearchFields.Label),
            stored.Get(SearchFields.Text),
            stored.Get(SearchFields.Kind) == "summary",
            stored.Get(SearchFields.DocumentType) ?? string.Empty,
            (stored.Get(SearchFields.ReferenceKeys) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            stored.Get(SearchFields.ReplacedWarning))
        {
            Role = Enum.TryParse<PassageRole>(stored.Get(SearchFields.Role), out var role) ? role : PassageRole.Body,
            Heading = stored.Get(SearchFields.SectionHeading) ?? string.Empty,
            DocumentKeys = Keys(stored.Get(SearchFields.DocumentKeys)),
            OwnKeys = Keys(stored.Get(SearchFields.OwnKeys)),
            DocumentTitle = stored.Get(SearchFields.DocumentTitle) ?? string.Empty,
            FromScan = stored.Get(SearchFields.FromScan) == "1",
        };
    }

    public IReadOnlyList<SearchHit> Search(string question, int top) => this.Search(QuestionAnalysis.From(question), top);

    public IReadOnlyList<SearchHit> Search(QuestionAnalysis question, int top)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var candidates = this.candidateSearch.Search(this.queryBuilder.Build(question), query => this.InForceOrNamed(query, question), CandidateDepth);

        var whole = new Dictionary<StoredPassage, float>();
        var bestSentence = new Dictionary<StoredPassage, float>();
        foreach (var scoreDoc in candidates.ScoreDocs)
        {
            var (found, sentence) = this.PassageOf(scoreDoc.Doc);
            if (found is not { } passage)
            {
                continue;
            }

            var target = sentence ? bestSentence : whole;
            if (!target.TryGetValue(passage, out var seen) || seen < scoreDoc.Score)
            {
                target[passage] = scoreDoc.Score;
            }
        }

        return whole.Keys.Union(bestSentence.Keys)
            .Select(passage =>
            {
                var score = (this.options.PassageWeight * whole.GetValueOrDefault(passage)) +
                            (this.options.SentenceWeight * bestSentence.GetValueOrDefault(passage));
                return (Passage: passage, Score: score * this.Preference(passage, question));
            })
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Passage.Id, StringComparer.Ordinal)
            .Take(top)
            .Select((x, i) => new SearchHit(i + 1, x.Passage.Id, x.Passage.DocumentId, x.Passage.Label, x.Score, x.Passage.Text, x.Passage.FromSummary, x.Passage.ReplacedWarning)
            {
                Role = x.Passage.Role,
                Heading = x.Passage.Heading,
                DocumentKeys = x.Passage.DocumentKeys,
                OwnKeys = x.Passage.OwnKeys,
                DocumentTitle = x.Passage.DocumentTitle,
                DocumentType = x.Passage.DocumentType,
                FromScan = x.Passage.FromScan,
            })
            .ToList();
    }

    /// <summary>
    /// Answers come from documents in force; a replaced document's passages come back only when
    /// the question names it by number. Summaries whose official text is in the corpus never do.
    /// </summary>
    private Query InForceOrNamed(Query query, QuestionAnalysis question)
    {
        if (question.References.Count == 0)
        {
            return new FilteredQuery(query, this.inForce);
        }

        var allowed = new BooleanQuery { { new TermQuery(new Term(SearchFields.Standing, SearchFields.InForce)), Occur.SHOULD } };
        foreach (var reference in question.References)
        {
            allowed.Add(
                new BooleanQuery
                {
                    { new TermQuery(new Term(SearchFields.Standing, SearchFields.StandingValue(Corpus.DocumentStanding.Replaced))), Occur.MUST },
                    { new TermQuery(new Term(SearchFields.OwnReferences, reference.QueryKey)), Occur.MUST },
                },
                Occur.SHOULD);
        }

        return new FilteredQuery(query, new QueryWrapperFilter(allowed));
    }

    public void Dispose()
    {
        this.reader.Dispose();
        this.analyzer.Dispose();
        this.withSynonyms.Dispose();
    }

    /// <summary>How rare a folded syllable (or "a b" syllable pair) is in the corpus: its BM25 idf.</summary>
    public double Rarity(string foldedTerm)
    {
        var field = foldedTerm.Contains(' ', StringComparison.Ordinal) ? SearchFields.BodyFoldedBigrams : SearchFields.BodyFolded;
        var count = Math.Max(1, this.reader.NumDocs);
        var frequency = this.reader.DocFreq(new Term(field, foldedTerm));
        return Math.Log(1 + ((count - frequency + 0.5) / (frequency + 0.5)));
    }

    /// <summary>
    /// How the corpus spells a syllable pair typed without marks ("chuyen de" → "chuyên đề"), most used first;
    /// empty when the corpus never uses the pair.
    /// </summary>
    public IReadOnlyList<string> MarkedForms(string foldedPair) =>
        this.markedPairs.Value.TryGetValue(foldedPair, out var forms) ? forms : [];

    // Read once, on first need: only questions typed without marks ask, and the pairs are known by then.
    private Dictionary<string, string[]> ReadMarkedPairs()
    {
        var forms = new Dictionary<string, List<(string Pair, int Count)>>(StringComparer.Ordinal);
        if (MultiFields.GetTerms(this.reader, SearchFields.BodyBigrams) is { } terms)
        {
            var term = terms.GetEnumerator();
            while (term.MoveNext())
            {
                var pair = term.Term.Utf8ToString();
                var folded = VietnameseText.Fold(pair);
                if (!forms.TryGetValue(folded, out var list))
                {
                    forms[folded] = list = [];
                }

                list.Add((pair, term.DocFreq));
            }
        }

        return forms.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(f => f.Count).Select(f => f.Pair).ToArray(), StringComparer.Ordinal);
    }

    private static HashSet<string> Keys(string? stored) => (stored ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the corpus holds the document itself (not only passages that cite it).</summary>
    public bool HasDocument(DocumentReference reference) => this.reader.DocFreq(new Term(SearchFields.OwnReferences, reference.QueryKey)) > 0;

    /// <summary>What the wording of the question says about which passages should come first.</summary>
    private float Preference(StoredPassage passage, QuestionAnalysis question)
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

        if (question.PointedType is { } type && string.Equals(type, passage.DocumentType, StringComparison.OrdinalIgnoreCase))
        {
            factor *= this.options.PointedTypeFactor;
        }

        if (question.Expected != ExpectedAnswer.Any && AnswerShape.Satisfies(question, passage.Text, passage.MatchText))
        {
            factor *= question.Expected switch
            {
                ExpectedAnswer.Definition => this.options.DefinitionFactor,
                ExpectedAnswer.Status => this.options.StatusFactor,
                _ => this.options.AnswerShapeFactor,
            };
        }

        return factor;
    }

    /// <summary>A class, not a record: passages are dictionary keys by identity on the hot path.</summary>
    private sealed class StoredPassage(string id, string documentId, string label, string text, bool fromSummary, string documentType, HashSet<string> referenceKeys, string? replacedWarning)
    {
        public string? ReplacedWarning { get; } = replacedWarning;

        public string Id { get; } = id;
        public string DocumentId { get; } = documentId;
        public string Label { get; } = label;
        public string Text { get; } = text;
        public bool FromSummary { get; } = fromSummary;
        public string DocumentType { get; } = documentType;
        public HashSet<string> ReferenceKeys { get; } = referenceKeys;

        public string MatchText { get; } = VietnameseText.MatchKey(text);

        public PassageRole Role { get; init; }

        public string Heading { get; init; } = string.Empty;

        public IReadOnlySet<string> DocumentKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);

        public IReadOnlySet<string> OwnKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);

        public string DocumentTitle { get; init; } = string.Empty;

        public bool FromScan { get; init; }
    }
}
