namespace PartyAssistant.Search;

/// <summary>Ranking settings (section "Search"). The defaults were tuned on the dev set and ALQAC; see docs/BENCHMARKS.md.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; set; } = 0.9f;

    /// <summary>BM25 length normalisation, 0 (none) to 1 (full).</summary>
    public float B { get; set; } = 0.5f;

    /// <summary>Weight of single accented syllables.</summary>
    public float SyllableWeight { get; set; } = 1.0f;

    /// <summary>Weight of syllable bigrams (close to Vietnamese words).</summary>
    public float BigramWeight { get; set; } = 1.0f;

    /// <summary>Weight of the diacritic-free fields when the question is typed with diacritics.</summary>
    public float FoldedWeightWhenAccented { get; set; } = 0.3f;

    /// <summary>Weight of the section heading and document title around a passage.</summary>
    public float HeadingWeight { get; set; } = 1.0f;

    /// <summary>Added score (to bring them into the candidates) for a passage of a document the question names ("QĐ 213").</summary>
    public float NamedDocumentBoost { get; set; } = 3.0f;

    /// <summary>Added score (to bring them into the candidates) for a passage that cites a document the question names.</summary>
    public float CitingPassageBoost { get; set; } = 3.0f;

    /// <summary>Score factor for a passage of, or citing, a document the question names.</summary>
    public float NamedDocumentFactor { get; set; } = 2.0f;

    /// <summary>Score factor for passages of the type a question points at with "kết luận này", "quy định này".</summary>
    public float PointedTypeFactor { get; set; } = 1.5f;

    /// <summary>Score factor for a passage holding the kind of fact asked for: a date for "khi nào", a number for "bao nhiêu".</summary>
    public float AnswerShapeFactor { get; set; } = 1.3f;

    /// <summary>Weight of the passage's score as a whole.</summary>
    public float PassageWeight { get; set; } = 1.0f;

    /// <summary>Weight of the passage's best single sentence.</summary>
    public float SentenceWeight { get; set; } = 1.0f;

    /// <summary>Score factor for a passage that defines the term a question asks about ("X là gì?" → "X là …").</summary>
    public float DefinitionFactor { get; set; } = 1.6f;

    /// <summary>
    /// Score factor for a passage about a document's status when the question asks whether it is in
    /// force. Status is recorded in the summaries, so this outweighs <see cref="SummaryWeight"/>.
    /// </summary>
    public float StatusFactor { get; set; } = 3.0f;

    /// <summary>Score factor for passages of unofficial summaries, so the official text wins a tie of wording.</summary>
    public float SummaryWeight { get; set; } = 0.4f;

    /// <summary>Weight of a domain synonym (Text/Words/synonyms.txt) relative to the question's own words; 0 turns synonyms off.</summary>
    public float SynonymWeight { get; set; } = 0.5f;

    /// <summary>
    /// Weight of the question's words outside its focus — frame ("có phải … không"), joining words and
    /// words found everywhere in Party documents — relative to the focus; 1 weighs all words alike.
    /// </summary>
    public float NonFocusWeight { get; set; } = 1.0f;

    /// <summary>
    /// Above this many Lucene documents (passages and their sentences), a search scores only a pool of candidates chosen
    /// by the question's rarer words, so its cost stops growing with the corpus (see <see cref="CandidateSearch"/>).
    /// </summary>
    public int LargeIndexDocuments { get; set; } = 100_000;

    /// <summary>How many candidates the rarer words choose on a large index before the whole question scores them.</summary>
    public int CandidatePool { get; set; } = 500;

    /// <summary>How many passages a search returns when the caller does not say.</summary>
    public int DefaultTop { get; set; } = 5;
}
