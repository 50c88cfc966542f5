using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using PartyAssistant.Text;

namespace PartyAssistant.Search;

/// <summary>
/// The domain synonyms of <c>Text/Words/synonyms.txt</c> as Lucene synonym maps, read by Lucene's own
/// Solr-format parser: one map of accented syllables and one without marks, for the fields of each.
/// Lucene.Net 4.8 applies them with <see cref="SynonymFilter"/> (SynonymGraphFilter came in Lucene 6.4).
/// </summary>
internal static class DomainSynonyms
{
    private static readonly Lazy<SynonymMap> AccentedMap = new(() => Build(fold: false));
    private static readonly Lazy<SynonymMap> FoldedMap = new(() => Build(fold: true));

    public static SynonymMap For(bool folded) => folded ? FoldedMap.Value : AccentedMap.Value;

    private static SynonymMap Build(bool fold)
    {
        using var analyzer = new PhraseAnalyzer(fold);
        var parser = new SolrSynonymParser(dedup: true, expand: true, analyzer);
        parser.Parse(new StringReader(WordLists.Text(WordLists.Synonyms)));
        return parser.Build();
    }

    /// <summary>How the parser reads each phrase: the syllables exactly as the query fields spell them.</summary>
    private sealed class PhraseAnalyzer(bool fold) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new VietnameseTokenizer(reader);
            return new TokenStreamComponents(tokenizer, new SyllableFilter(tokenizer, fold));
        }

        protected override TextReader InitReader(string fieldName, TextReader reader) =>
            new StringReader(VietnameseText.Normalize(reader.ReadToEnd()));
    }
}
