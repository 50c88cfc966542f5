using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PartyAssistant.Search;

/// <summary>
/// The top Lucene documents for a question's query. On a small index the whole query is scored, as always. On a large one
/// (over <see cref="SearchOptions.LargeIndexDocuments"/>) scoring every document that shares a common word ("của", "các",
/// "được") made each search grow with the corpus: most of the cost was the common words' long posting lists. There the
/// question's rarer words choose a pool of candidates (<see cref="SearchOptions.CandidatePool"/>), and only the pool is
/// scored by the whole query — the same BM25 sums, over a bounded number of documents.
/// </summary>
internal sealed class CandidateSearch(IndexSearcher searcher, SearchOptions options)
{
    // A word found in more than this share of the index's documents (and at least CommonTermMinDocs of them) is common.
    private const double CommonTermShare = 0.02;
    private const int CommonTermMinDocs = 2000;

    // The rarer words' postings read to choose the pool, at most: past it the commonest of them only score.
    // Keeps the first stage's cost flat as the corpus grows (measured on the scale bench, ~5 ms at 100k passages).
    private const long MaxDriverPostings = 100_000;

    /// <param name="built">The question's query, a flat disjunction of its words.</param>
    /// <param name="restrict">Which documents may answer (in force, or a named replaced document).</param>
    public TopDocs Search(Query built, Func<Query, Query> restrict, int depth)
    {
        if (built is not BooleanQuery all || searcher.IndexReader.MaxDoc <= options.LargeIndexDocuments)
        {
            return searcher.Search(restrict(built), depth);
        }

        // Each word's statistics are looked up once, in every segment, and shared by the two queries below: on a large index
        // of several segments, looking them up for each query (and once more for the document frequencies) cost as much as
        // scoring the pool.
        var (words, frequencies) = WithStatistics(all, searcher.TopReaderContext);
        if (this.Drivers(words, frequencies) is not { } drivers)
        {
            return searcher.Search(restrict(words), depth);
        }

        var pool = searcher.Search(restrict(drivers), Math.Max(depth, options.CandidatePool));
        // The pool's scores are already the drivers' share of each candidate's score: only the other clauses are added.
        var scored = drivers.Clauses.ToHashSet(ReferenceEqualityComparer.Instance);
        return this.Rescore(pool.ScoreDocs, words.Clauses.Where(c => !scored.Contains(c)).Select(c => c.Query), depth);
    }

    /// <summary>
    /// The pool scored by the whole query: each of the other <paramref name="clauses"/> in turn skips its postings to the
    /// candidates, in index order, and adds its score to theirs. That is the BM25 sum Lucene's disjunction makes, without a
    /// heap of a hundred clauses kept for every candidate. Ties go to the earlier document, as Lucene's collector does.
    /// </summary>
    private TopDocs Rescore(ScoreDoc[] pool, IEnumerable<Query> clauses, int depth)
    {
        var ordered = pool.OrderBy(d => d.Doc).ToArray();
        var docs = ordered.Select(d => d.Doc).ToArray();
        var scores = ordered.Select(d => d.Score).ToArray();
        var leaves = searcher.TopReaderContext.Leaves;
        foreach (var clause in clauses)
        {
            var weight = searcher.CreateNormalizedWeight(clause);
            var next = 0;
            foreach (var leaf in leaves)
            {
                var first = next;
                var end = leaf.DocBase + leaf.Reader.MaxDoc;
                while (next < docs.Length && docs[next] < end)
                {
                    next++;
                }

                if (first == next || weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
                {
                    continue;
                }

                for (var i = first; i < next; i++)
                {
                    var target = docs[i] - leaf.DocBase;
                    var at = scorer.DocID >= target ? scorer.DocID : scorer.Advance(target);
                    if (at == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }

                    if (at == target)
                    {
                        scores[i] += scorer.GetScore();
                    }
                }
            }
        }

        var top = Enumerable.Range(0, docs.Length).OrderByDescending(i => scores[i]).ThenBy(i => docs[i]).Take(depth)
            .Select(i => new ScoreDoc(docs[i], scores[i])).ToArray();
        return new TopDocs(docs.Length, top, top.Length > 0 ? top[0].Score : float.NaN);
    }

    /// <summary>
    /// The same disjunction, each word's clause carrying its statistics over the whole index; with each clause's document
    /// frequency (-1 for a clause that is not a single word).
    /// </summary>
    private static (BooleanQuery Words, int[] Frequencies) WithStatistics(BooleanQuery all, IndexReaderContext context)
    {
        var words = new BooleanQuery(all.CoordDisabled) { Boost = all.Boost, MinimumNumberShouldMatch = all.MinimumNumberShouldMatch };
        var frequencies = new int[all.Clauses.Count];
        for (var i = 0; i < all.Clauses.Count; i++)
        {
            var clause = all.Clauses[i];
            if (clause.Query is TermQuery term)
            {
                var statistics = TermContext.Build(context, term.Term);
                frequencies[i] = statistics.DocFreq;
                words.Add(new TermQuery(term.Term, statistics) { Boost = term.Boost }, clause.Occur);
            }
            else
            {
                frequencies[i] = -1;
                words.Add(clause.Query, clause.Occur);
            }
        }

        return (words, frequencies);
    }

    /// <summary>
    /// The clauses that choose the pool: every clause that is not a single word (a named document), and the rare words,
    /// rarest first, while their postings stay within MaxDriverPostings. Null when no word is rare: then nothing is
    /// saved by a pool, and the whole query runs.
    /// </summary>
    private BooleanQuery? Drivers(BooleanQuery all, int[] frequencies)
    {
        var common = Math.Max(CommonTermMinDocs, (int)(searcher.IndexReader.MaxDoc * CommonTermShare));
        var drivers = new BooleanQuery();
        var words = new List<(BooleanClause Clause, int Frequency)>();
        for (var i = 0; i < all.Clauses.Count; i++)
        {
            var clause = all.Clauses[i];
            if (clause.Occur == Occur.SHOULD && frequencies[i] >= 0)
            {
                words.Add((clause, frequencies[i]));
            }
            else
            {
                drivers.Add(clause);
            }
        }

        long postings = 0;
        var chosen = 0;
        foreach (var (clause, frequency) in words.Where(w => w.Frequency > 0 && w.Frequency <= common).OrderBy(w => w.Frequency))
        {
            if (postings + frequency > MaxDriverPostings && chosen > 0)
            {
                break;
            }

            drivers.Add(clause);
            postings += frequency;
            chosen++;
        }

        return chosen == 0 || drivers.Clauses.Count == all.Clauses.Count ? null : drivers;
    }
}
