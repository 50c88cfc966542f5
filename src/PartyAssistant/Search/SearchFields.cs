namespace PartyAssistant.Search;

/// <summary>The index's field names, and how each analysed field is shaped.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string DocumentId = "doc_id";
    public const string Label = "label";
    public const string Text = "text";
    public const string Kind = "kind";

    /// <summary>Stored "1" on passages of a document read from a scan by OCR.</summary>
    public const string FromScan = "ocr";
    public const string SectionHeading = "heading";
    public const string DocumentType = "doc_type";
    public const string ReplacedWarning = "replaced";

    /// <summary>Stored: what the passage is in its document (<see cref="Corpus.PassageRole"/>).</summary>
    public const string Role = "role";

    /// <summary>Stored: the numbers the passage's document carries or its title and heading name, space-separated: what a named document bounds.</summary>
    public const string DocumentKeys = "doc_keys";

    /// <summary>Stored: how citations name the passage's document and its title ("Quy định 213-QĐ/TW. Quy định về …").</summary>
    public const string DocumentTitle = "doc_title";

    /// <summary>Stored: the numbers the passage's own document carries ("213-qd 213-qd-tw").</summary>
    public const string OwnKeys = "own_keys";

    /// <summary>Indexed on passages and sentences: whether the document may answer (see <see cref="Corpus.DocumentStanding"/>).</summary>
    public const string Standing = "standing";
    public const string InForce = "in-force";

    public static string StandingValue(Corpus.DocumentStanding standing) => standing switch
    {
        Corpus.DocumentStanding.Replaced => "replaced",
        Corpus.DocumentStanding.SummaryOfIngestedText => "summary-of-ingested",
        _ => InForce,
    };

    /// <summary>Stored: the reference keys of the passage, its own document's and those it cites, space-separated.</summary>
    public const string ReferenceKeys = "ref_keys";

    /// <summary>"p" for a whole passage, "s" for one of its sentences: both are searched, and a passage scores by both.</summary>
    public const string Unit = "unit";
    public const string PassageUnit = "p";
    public const string SentenceUnit = "s";

    /// <summary>
    /// DocValues: 0 for a passage, k for its k-th sentence, which is indexed k documents after it (a passage and its
    /// sentences are added as one block, and Lucene keeps a block's order). A hit finds its passage without stored fields.
    /// </summary>
    public const string PassageOffset = "passage_offset";

    /// <summary>Document numbers this passage's document carries or this passage cites ("213-qd", "213-qd-tw").</summary>
    public const string OwnReferences = "own_refs";
    public const string CitedReferences = "cited_refs";

    public const string Body = "body";
    public const string BodyBigrams = "body_bi";
    public const string BodyFolded = "body_f";
    public const string BodyFoldedBigrams = "body_fbi";
    public const string Heading = "head";
    public const string HeadingFolded = "head_f";

    public static readonly string[] Analysed = [Body, BodyBigrams, BodyFolded, BodyFoldedBigrams, Heading, HeadingFolded];

    public static (bool Folded, bool Bigrams) ShapeOf(string field) => field switch
    {
        BodyBigrams => (false, true),
        BodyFolded or HeadingFolded => (true, false),
        BodyFoldedBigrams => (true, true),
        _ => (false, false),
    };
}
