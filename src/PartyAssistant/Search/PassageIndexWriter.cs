using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using PartyAssistant.Corpus;
using PartyAssistant.Text;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PartyAssistant.Search;

/// <summary>Writes one Lucene document per passage: stored fields to show it, analysed fields to find it.</summary>
public static class PassageIndexWriter
{
    public static int Write(LuceneDirectory directory, IReadOnlyList<CorpusDocument> documents, IProgress<int>? progress, CancellationToken cancellationToken) =>
        Write(directory, documents, CorpusCatalog.Build(documents), progress, cancellationToken);

    /// <summary>Writes the documents with the standing <paramref name="catalog"/> gives them (a loaded corpus has its catalog already).</summary>
    public static int Write(LuceneDirectory directory, IReadOnlyList<CorpusDocument> documents, CorpusCatalog catalog, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        using var writer = new IndexWriter(directory, Config(OpenMode.CREATE));
        var count = 0;
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            count += Add(writer, Blocks(document, catalog), progress, count);
        }

        // One segment: each search looks every word up, and sets up its postings, once per segment. On a national corpus the
        // writer leaves several, which cost a third of a search's time; merging them adds about 2 % to a full build.
        writer.ForceMerge(1);
        writer.Commit();
        return count;
    }

    /// <summary>
    /// Rewrites only <paramref name="changed"/> documents in an existing index and drops <paramref name="removed"/> ones:
    /// each document's passages and sentences are deleted by its id and written again, all in one commit.
    /// </summary>
    public static int Update(LuceneDirectory directory, IReadOnlyList<CorpusDocument> changed, IEnumerable<string> removed, CorpusCatalog catalog, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        using var writer = new IndexWriter(directory, Config(OpenMode.APPEND));
        foreach (var id in removed.Concat(changed.Select(d => d.Id)))
        {
            writer.DeleteDocuments(new Term(SearchFields.DocumentId, id));
        }

        var count = 0;
        foreach (var document in changed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            count += Add(writer, Blocks(document, catalog), progress, count);
        }

        writer.Commit();
        return count;
    }

    /// <summary>
    /// A document's hash over everything <see cref="ToLucene"/> and <see cref="SentenceDocument"/> read from it and from its
    /// catalog entry: its standing and warning (another document replacing it changes them), and either the text its file
    /// was parsed from or, for a document built in memory, its metadata and each passage. Cheap — no sentence splitting or
    /// reference parsing — because every build hashes every document. Keep it in step with them.
    /// </summary>
    public static string HashOf(CorpusDocument document, CorpusCatalog catalog)
    {
        var metadata = document.Metadata;
        var entry = catalog[document.Id];

        // One buffer hashed once: a call per field was most of the cost at 100k passages. A file's document is hashed by the
        // text it was parsed from (hashed once, when parsed); what the parser makes of it changes only with the index format.
        // A passage's role is not hashed either: it is read from what is (text, heading, type, issuer, title).
        var text = new System.Text.StringBuilder();
        void Add(string? value) => text.Append(value).Append('\u0001');

        Add(document.Id);
        Add(SearchFields.StandingValue(entry.Standing));
        Add(entry.Warning);
        if (document.ContentHash is { } parsedFrom)
        {
            Add(parsedFrom);
            return Digest(text);
        }

        Add(metadata.Number);
        Add(metadata.Type);
        Add(metadata.Issuer);
        Add(metadata.Title);
        Add(metadata.ShortTitle);
        Add(metadata.IsSummary ? "summary" : "official-text");
        Add(metadata.Ocr ? "ocr" : string.Empty);
        foreach (var passage in document.Passages)
        {
            Add(passage.Id);
            Add(passage.DocumentId);
            Add(passage.Label);
            Add(passage.Heading);
            Add(passage.Text);
        }

        return Digest(text);
    }

    private static string Digest(System.Text.StringBuilder text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..24];

    private static IndexWriterConfig Config(OpenMode mode) => new(LuceneVersion.LUCENE_48, new VietnameseAnalyzer())
    {
        OpenMode = mode,
        RAMBufferSizeMB = 64,
    };

    private static int Add(IndexWriter writer, IEnumerable<List<Document>> blocks, IProgress<int>? progress, int before)
    {
        var count = 0;
        foreach (var block in blocks)
        {
            writer.AddDocuments(block);
            count++;
            progress?.Report(before + count);
        }

        return count;
    }

    /// <summary>
    /// One block per passage: the passage, then its sentences, each knowing how far back its passage is (Lucene keeps a
    /// block together and in order).
    /// </summary>
    private static IEnumerable<List<Document>> Blocks(CorpusDocument document, CorpusCatalog catalog)
    {
        var own = DocumentReference.ParseNumber(document.Metadata.Number)?.Keys.ToArray() ?? [];
        var entry = catalog[document.Id];
        foreach (var passage in document.Passages)
        {
            var block = new List<Document> { ToLucene(document, entry, passage, own) };
            block[0].Add(new NumericDocValuesField(SearchFields.PassageOffset, 0));
            foreach (var sentence in SentenceSplitter.Split(passage.Text))
            {
                var sentenceDocument = SentenceDocument(passage, sentence, entry.Standing, own);
                sentenceDocument.Add(new NumericDocValuesField(SearchFields.PassageOffset, block.Count));
                block.Add(sentenceDocument);
            }

            yield return block;
        }
    }

    /// <summary>
    /// A sentence on its own: a question about one sentence of a long bullet should not lose to a
    /// short passage only because BM25 normalises by length.
    /// </summary>
    private static Document SentenceDocument(Passage passage, string sentence, DocumentStanding standing, string[] ownReferences)
    {
        var document = new Document
        {
            new StringField(SearchFields.Id, passage.Id, Field.Store.YES),
            new StringField(SearchFields.Unit, SearchFields.SentenceUnit, Field.Store.YES),
            new StringField(SearchFields.DocumentId, passage.DocumentId, Field.Store.NO), // so an update deletes it with its document
            new StringField(SearchFields.Standing, SearchFields.StandingValue(standing), Field.Store.NO),
            new TextField(SearchFields.Body, sentence, Field.Store.NO),
            new TextField(SearchFields.BodyBigrams, sentence, Field.Store.NO),
            new TextField(SearchFields.BodyFolded, sentence, Field.Store.NO),
            new TextField(SearchFields.BodyFoldedBigrams, sentence, Field.Store.NO),
        };
        foreach (var key in DocumentReference.FindAll(sentence).SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(SearchFields.CitedReferences, key, Field.Store.NO));
        }

        foreach (var key in ownReferences)
        {
            document.Add(new StringField(SearchFields.OwnReferences, key, Field.Store.NO));
        }

        return document;
    }

    private static Document ToLucene(CorpusDocument corpusDocument, DocumentEntry entry, Passage passage, string[] ownReferences)
    {
        var metadata = corpusDocument.Metadata;
        var heading = $"{metadata.ShortTitle}. {metadata.Title}. {passage.Heading}";
        var document = new Document
        {
            new StringField(SearchFields.Id, passage.Id, Field.Store.YES),
            new StringField(SearchFields.Unit, SearchFields.PassageUnit, Field.Store.YES),
            new StringField(SearchFields.DocumentId, passage.DocumentId, Field.Store.YES),
            new StringField(SearchFields.Standing, SearchFields.StandingValue(entry.Standing), Field.Store.YES),
            new StoredField(SearchFields.Label, passage.Label),
            new StoredField(SearchFields.Text, passage.Text),
            new StoredField(SearchFields.Kind, metadata.IsSummary ? "summary" : "official-text"),
            new StoredField(SearchFields.SectionHeading, passage.Heading),
            new TextField(SearchFields.Body, passage.Text, Field.Store.NO),
            new TextField(SearchFields.BodyBigrams, passage.Text, Field.Store.NO),
            new TextField(SearchFields.BodyFolded, passage.Text, Field.Store.NO),
            new TextField(SearchFields.BodyFoldedBigrams, passage.Text, Field.Store.NO),
            new TextField(SearchFields.Heading, heading, Field.Store.NO),
            new TextField(SearchFields.HeadingFolded, heading, Field.Store.NO),
        };
        foreach (var key in ownReferences)
        {
            document.Add(new StringField(SearchFields.OwnReferences, key, Field.Store.NO));
        }

        // A passage under a heading that names a document is about that document too.
        var cited = DocumentReference.FindAll($"{passage.Heading}\n{passage.Text}").SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var key in cited)
        {
            document.Add(new StringField(SearchFields.CitedReferences, key, Field.Store.NO));
        }

        document.Add(new StoredField(SearchFields.ReferenceKeys, string.Join(' ', ownReferences.Union(cited))));
        document.Add(new StoredField(SearchFields.DocumentType, metadata.Type));
        document.Add(new StoredField(SearchFields.Role, PassageRoles.Of(corpusDocument, passage).ToString()));

        // A document is about what its title names ("Kết luận … về tiếp tục thực hiện Nghị quyết 03-NQ/TU").
        var about = DocumentReference.FindAll($"{metadata.Title}\n{passage.Heading}").SelectMany(r => r.Keys);
        document.Add(new StoredField(SearchFields.OwnKeys, string.Join(' ', ownReferences)));
        document.Add(new StoredField(SearchFields.DocumentTitle, $"{metadata.ShortTitle}. {metadata.Title}"));
        document.Add(new StoredField(SearchFields.DocumentKeys, string.Join(' ', ownReferences.Union(about, StringComparer.Ordinal))));
        if (metadata.Ocr)
        {
            document.Add(new StoredField(SearchFields.FromScan, "1"));
        }

        if (entry.Warning is { } warning)
        {
            document.Add(new StoredField(SearchFields.ReplacedWarning, warning));
        }

        return document;
    }
}
