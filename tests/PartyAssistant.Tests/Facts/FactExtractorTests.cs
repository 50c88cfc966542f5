using PartyAssistant.Facts;

namespace PartyAssistant.Tests.Facts;

public sealed class FactExtractorTests
{
    private static List<(FactKind, string)> Facts(string text) => FactExtractor.Extract(text).Select(f => (f.Kind, f.Text)).ToList();

    [Fact]
    public void Figures_deadlines_frequencies_and_actors_are_found_as_written()
    {
        var facts = Facts("Định kỳ hàng năm, tham mưu báo cáo Ban Thường vụ Tỉnh uỷ, đồng thời, chuẩn bị các nội dung sơ kết vào cuối năm 2022 và tổng kết vào giữa năm 2024.");
        Assert.Equal(
            [(FactKind.Frequency, "Định kỳ hàng năm"), (FactKind.Actor, "Ban Thường vụ Tỉnh uỷ"), (FactKind.Time, "vào cuối năm 2022"), (FactKind.Time, "vào giữa năm 2024")],
            facts);

        var target = Facts("Phấn đấu đến năm 2025, tỷ lệ bí thư chi bộ đồng thời là trưởng ấp, khóm không quá 40 tuổi đạt tỷ lệ 50%.");
        Assert.Contains((FactKind.Time, "đến năm 2025"), target);
        Assert.Contains((FactKind.Actor, "bí thư chi bộ"), target);
        Assert.Contains((FactKind.Quantity, "40 tuổi"), target);
        Assert.Contains((FactKind.Percent, "50%"), target);
    }

    [Fact]
    public void Quoted_terms_documents_and_the_longest_role_name_win()
    {
        var facts = Facts("Hàng năm, đảng bộ xã, phường, thị trấn được xếp loại \"Hoàn thành tốt nhiệm vụ\" trở lên đạt trên 95%; Ban Tổ chức Tỉnh ủy theo dõi việc thực hiện Kết luận số 01-KL/TW.");
        Assert.Contains((FactKind.Frequency, "Hàng năm"), facts);
        Assert.Contains((FactKind.Actor, "đảng bộ xã, phường, thị trấn"), facts);
        Assert.Contains((FactKind.QuotedTerm, "Hoàn thành tốt nhiệm vụ"), facts);
        Assert.Contains((FactKind.Percent, "trên 95%"), facts);
        Assert.Contains((FactKind.Actor, "Ban Tổ chức Tỉnh ủy"), facts);
        Assert.DoesNotContain((FactKind.Actor, "Tỉnh ủy"), facts);
        Assert.Contains((FactKind.Document, "01-KL/TW"), facts);
        Assert.Equal("ban-to-chuc-tinh-uy", FactExtractor.Extract("Ban Tổ chức Tỉnh uỷ chủ trì").Single().Role!.Id);
    }

    [Theory]
    [InlineData("bi thu chi bo", "bi-thu-chi-bo")]
    [InlineData("Bí thư chi bộ", "bi-thu-chi-bo")]
    [InlineData("dv dang cong tac", "dang-vien-dang-cong-tac")]
    [InlineData("đảng viên đang công tác", "dang-vien-dang-cong-tac")]
    [InlineData("dang vien", "dang-vien")]
    [InlineData("chi ủy", "chi-uy")]
    [InlineData("chi uỷ", "chi-uy")]
    [InlineData("mttq", "mttq-doan-the")]
    [InlineData("ban to chuc tinh uy", "ban-to-chuc-tinh-uy")]
    [InlineData("dang uy xa", "dang-uy-xa")]
    [InlineData("chi-bo", "chi-bo")]
    public void A_role_is_understood_however_it_is_typed(string query, string expected) =>
        Assert.Equal(expected, RoleLexicon.Resolve(query)?.Id);

    [Fact]
    public void A_role_the_lexicon_does_not_know_is_not_guessed() => Assert.Null(RoleLexicon.Resolve("giám đốc sở"));
}
