using PartyAssistant.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace PartyAssistant.Bench;

/// <summary>
/// The reference point measured in the same run: Lucene's StandardAnalyzer without stopwords, BM25
/// (k1 = 1.2, b = 0.75), one document per unit, and the question's distinct terms as SHOULD clauses.
/// </summary>
public sealed class StandardAnalyzerBaseline : IDisposable
{
    public const string Name = "StandardAnalyzer BM25";

    private const string IdField = "id";
    private const string BodyField = "body";

    private readonly Analyzer analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48, CharArraySet.Empty);
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    public StandardAnalyzerBaseline(IEnumerable<(string Id, string Text)> units)
    {
        var similarity = new BM25Similarity(1.2f, 0.75f);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, this.analyzer) { OpenMode = OpenMode.CREATE, Similarity = similarity };
        using (var writer = new IndexWriter(this.directory, config))
        {
            foreach (var (id, text) in units)
            {
                writer.AddDocument(new Document
                {
                    new StringField(IdField, id, Field.Store.YES),
                    new TextField(BodyField, text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        this.reader = DirectoryReader.Open(this.directory);
        this.searcher = new IndexSearcher(this.reader) { Similarity = similarity };
    }

    public IReadOnlyList<string> Search(string question, int top)
    {
        var query = new BooleanQuery();
        foreach (var term in this.Terms(question))
        {
            query.Add(new TermQuery(new Term(BodyField, term)), Occur.SHOULD);
        }

        return this.searcher.Search(query, top).ScoreDocs.Select(d => this.searcher.Doc(d.Doc).Get(IdField)).ToList();
    }

    public void Dispose()
    {
        this.reader.Dispose();
        this.directory.Dispose();
        this.analyzer.Dispose();
    }

    private IEnumerable<string> Terms(string text) =>
        AnalyzerTerms.Of(this.analyzer, BodyField, text).Take(BooleanQuery.MaxClauseCount);
}
