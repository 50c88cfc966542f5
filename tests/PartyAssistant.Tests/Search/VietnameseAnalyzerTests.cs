using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.TokenAttributes;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAssistant.Corpus;
using PartyAssistant.Search;

namespace PartyAssistant.Tests.Search;

public sealed class VietnameseAnalyzerTests
{
    private static List<string> Tokens(string field, string text)
    {
        using var analyzer = new VietnameseAnalyzer();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var tokens = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    [Fact]
    public void Accented_field_keeps_syllables_with_one_tone_placement_and_no_stopwords() =>
        Assert.Equal(new[] { "điều", "2", "nơi", "cư", "trú", "hòa", "năm" }.Select(PartyAssistant.Text.Syllable.Canonical),
            Tokens(SearchFields.Body, "Điều 2: nơi cư trú, hoà năm"));

    [Fact]
    public void Folded_field_drops_diacritics() =>
        Assert.Equal(["dang", "uy", "xa"], Tokens(SearchFields.BodyFolded, "Đảng uỷ xã"));

    [Fact]
    public void Bigram_fields_pair_neighbouring_syllables() =>
        Assert.Equal(["dang vien", "vien noi", "noi cu", "cu tru"], Tokens(SearchFields.BodyFoldedBigrams, "đảng viên nơi cư trú"));

    [Fact]
    public void Hằng_năm_and_hàng_năm_index_alike() =>
        Assert.Equal(Tokens(SearchFields.BodyBigrams, "hàng năm"), Tokens(SearchFields.BodyBigrams, "hằng năm"));

    [Fact]
    public void Decomposed_input_analyses_like_composed_input() =>
        Assert.Equal(Tokens(SearchFields.Body, "chi uỷ chi bộ"), Tokens(SearchFields.Body, "chi uỷ chi bộ".Normalize(NormalizationForm.FormD)));

    /// <summary>
    /// The pair fields are made by SyllablePairFilter, a cheaper stand-in for Lucene's ShingleFilter(2, 2): over every
    /// sentence of the shipped corpus and the seed, both give the same terms in the same order, with the same offsets.
    /// </summary>
    [Fact]
    public async Task Syllable_pairs_are_what_Lucenes_shingles_were()
    {
        var corpus = await new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(TestPaths.Corpus, CancellationToken.None);
        var texts = corpus.Passages.Select(p => p.Text).Append(await File.ReadAllTextAsync(TestPaths.Seed)).Append("một").Append(string.Empty).ToList();
        using var shingles = new ShinglesAnalyzer();
        using var pairs = new VietnameseAnalyzer();
        var compared = 0;
        foreach (var field in new[] { SearchFields.BodyBigrams, SearchFields.BodyFoldedBigrams })
        {
            foreach (var text in texts)
            {
                var expected = TokensWithOffsets(shingles, field, text);
                Assert.Equal(expected, TokensWithOffsets(pairs, field, text));
                compared += expected.Count;
            }
        }

        Assert.True(compared > 10_000, $"only {compared} pairs compared");
    }

    private static List<(string Term, int Start, int End, int Increment)> TokensWithOffsets(Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var tokens = new List<(string, int, int, int)>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        }

        stream.End();
        return tokens;
    }

    /// <summary>The analysis of the pair fields as it was: the syllables of VietnameseAnalyzer, paired by Lucene's ShingleFilter.</summary>
    private sealed class ShinglesAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) =>
            new StringReader(PartyAssistant.Text.VietnameseText.Normalize(reader.ReadToEnd() ?? string.Empty));

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var folded = fieldName == SearchFields.BodyFoldedBigrams;
            var tokenizer = new VietnameseTokenizer(reader);
            var shingles = new ShingleFilter(new SyllableFilter(tokenizer, folded), 2, 2);
            shingles.SetOutputUnigrams(false);
            return new TokenStreamComponents(tokenizer, shingles);
        }
    }
}
