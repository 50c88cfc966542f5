using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
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
}
