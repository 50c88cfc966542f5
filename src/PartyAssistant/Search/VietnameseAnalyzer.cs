using Lucene.Net.Analysis;
using PartyAssistant.Text;

namespace PartyAssistant.Search;

/// <summary>
/// One analyzer for indexing and querying, configured per field: accented or folded syllables,
/// alone or as syllable bigrams (Vietnamese words are mostly two syllables, so a bigram is close
/// to a word). No stopwords: "điều", "nơi", "năm" carry meaning in these documents.
/// </summary>
public sealed class VietnameseAnalyzer : Analyzer
{
    private readonly bool synonyms;

    /// <param name="synonyms">For questions: the single-syllable fields also get the domain synonyms (<see cref="DomainSynonyms"/>).</param>
    public VietnameseAnalyzer(bool synonyms = false) : base(PER_FIELD_REUSE_STRATEGY)
    {
        this.synonyms = synonyms;
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new StringReader(VietnameseText.Normalize(reader.ReadToEnd() ?? string.Empty));

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var shape = SearchFields.ShapeOf(fieldName);
        var tokenizer = new VietnameseTokenizer(reader);
        TokenStream stream = new SyllableFilter(tokenizer, shape.Folded);
        if (this.synonyms && !shape.Bigrams)
        {
            stream = new Lucene.Net.Analysis.Synonym.SynonymFilter(stream, DomainSynonyms.For(shape.Folded), ignoreCase: false);
        }

        if (shape.Bigrams)
        {
            stream = new SyllablePairFilter(stream);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}
