using PartyAssistant.Search;

namespace PartyAssistant.Tests.Search;

public sealed class PassageSearchTests(ShippedCorpusFixture corpus) : IClassFixture<ShippedCorpusFixture>
{
    [Fact]
    public void A_cell_secretary_question_finds_the_tổ_đảng_passage()
    {
        var hits = corpus.Searcher.Search("chi bộ ấp có đông đảng viên thì tổ chức sinh hoạt thế nào?", 3);
        Assert.Contains(hits, h => h.Text.Contains("thành lập tổ đảng ở chi bộ ấp, khóm có đông đảng viên", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Đến năm 2025, tỷ lệ bí thư chi bộ đồng thời là trưởng ấp, khóm không quá 40 tuổi phải đạt bao nhiêu?")]
    [InlineData("Khi nào sơ kết và tổng kết việc thực hiện Kết luận này?")]
    [InlineData("Phân công nhiệm vụ cho đảng viên trong chi bộ phải bảo đảm điều gì?")]
    public void A_question_without_diacritics_finds_what_it_finds_with_them(string question)
    {
        var accented = corpus.Searcher.Search(question, 3);
        var plain = corpus.Searcher.Search(PartyAssistant.Text.VietnameseText.Fold(question), 3);
        Assert.Equal(accented[0].PassageId, plain[0].PassageId);
    }

    [Fact]
    public void The_index_tells_how_the_corpus_spells_a_pair_typed_without_marks()
    {
        Assert.Equal(["chuyên đề"], corpus.Searcher.MarkedForms("chuyen de"));
        Assert.Contains("chi bộ", corpus.Searcher.MarkedForms("chi bo"));
        Assert.Empty(corpus.Searcher.MarkedForms("khai tru"));
    }

    [Fact]
    public void Old_tone_placement_in_a_question_matches_the_new_one_in_the_text()
    {
        var oldStyle = corpus.Searcher.Search("chi uỷ chi bộ ấp được bồi dưỡng hằng năm", 1);
        var newStyle = corpus.Searcher.Search("chi ủy chi bộ ấp được bồi dưỡng hàng năm", 1);
        Assert.Equal(oldStyle[0].PassageId, newStyle[0].PassageId);
        Assert.Contains("100% chi uỷ", oldStyle[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Abbreviations_in_a_question_are_understood()
    {
        var hits = corpus.Searcher.Search("vai tro DV sinh hoat noi cu tru theo QD 213", 3);
        Assert.Contains(hits, h => h.Text.Contains("Phát huy vai trò đảng viên sinh hoạt nơi cư trú", StringComparison.Ordinal));
    }

    [Fact]
    public void Naming_a_document_favours_it_and_the_passages_citing_it()
    {
        var hits = corpus.Searcher.Search("hiệu lực của quy dinh 213", 5);
        Assert.All(hits.Take(3), h => Assert.True(h.DocumentId == "qd-213" || h.Text.Contains("213", StringComparison.Ordinal), h.PassageId));
        var other = corpus.Searcher.Search("hiệu lực của kết luận 38", 3);
        Assert.All(other, h => Assert.Contains("38-KL/TW", h.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Summaries_are_marked_and_the_official_text_wins_a_tie_of_wording()
    {
        var hits = corpus.Searcher.Search("Kết luận 38-KL/TW của Bộ Chính trị là về nội dung gì?", 5);
        Assert.Equal("kl-tu-nq03", hits[0].DocumentId);
        Assert.False(hits[0].FromSummary);
        Assert.Contains(hits, h => h.FromSummary && h.DocumentId == "kl-38");
    }

    [Fact]
    public void Ranks_are_consecutive_and_scores_descend()
    {
        var hits = corpus.Searcher.Search("kiểm tra giám sát", 10);
        Assert.Equal(Enumerable.Range(1, hits.Count), hits.Select(h => h.Rank));
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void A_2000_character_question_is_searched_without_error()
    {
        var question = string.Join(' ', Enumerable.Repeat("đảng viên sinh hoạt nơi cư trú theo quy định", 45))[..2000];
        Assert.NotEmpty(corpus.Searcher.Search(question, 5));
    }
}
