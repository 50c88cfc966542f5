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
        Assert.Equal(expected, RoleLexicon.Resolve(query)?.Role.Id);

    [Fact]
    public void A_role_the_lexicon_does_not_know_is_not_guessed() => Assert.Null(RoleLexicon.Resolve("giám đốc sở"));

    [Fact]
    public void Quizzes_and_checklists_see_the_same_actors()
    {
        // The bodies without a role of their own are found in texts as the role that answers for them, by facts and checklists alike.
        var facts = FactExtractor.Extract("Ban Thường vụ Đoàn Thanh niên Cộng sản Hồ Chí Minh Tỉnh phối hợp; các tổ chức cơ sở đảng lãnh đạo.");
        Assert.Equal(
            [("Ban Thường vụ Đoàn Thanh niên Cộng sản Hồ Chí Minh Tỉnh", "mttq-doan-the"), ("các tổ chức cơ sở đảng", "cap-uy")],
            facts.Where(f => f.Kind == FactKind.Actor).Select(f => (f.Text, f.Role!.Id)));
        Assert.Null(RoleLexicon.Resolve("mặt trận tổ quốc")!.Nearest);
        Assert.NotNull(RoleLexicon.Resolve("tỉnh đoàn")!.Nearest);
    }
}

public sealed class FactFlagTests
{
    [Fact]
    public void Article_and_clause_numbers_are_no_quantities()
    {
        var facts = FactExtractor.Extract("Theo khoản 1 Điều 1 và 2 điểm, Quy định nêu 7 nhiệm vụ.");
        Assert.DoesNotContain(facts, f => f.Kind == FactKind.Quantity && f.Text != "7 nhiệm vụ");
        Assert.Contains(facts, f => f.Kind == FactKind.Quantity && f.Text == "7 nhiệm vụ");
    }

    [Fact]
    public void A_date_after_a_document_number_names_the_document()
    {
        var facts = FactExtractor.Extract("Gắn với thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, sơ kết vào cuối năm 2022.");
        Assert.True(facts.Single(f => f.Text == "ngày 18/5/2021").DatesDocument);
        Assert.False(facts.Single(f => f.Text == "vào cuối năm 2022").DatesDocument);
    }

    [Theory]
    [InlineData("Tính đến tháng 01/2026 chưa tìm thấy văn bản thay thế.", "đến tháng 01/2026", true)]
    [InlineData("Đến tháng 12/2025, Quy định 213-QĐ/TW vẫn đang được áp dụng.", "Đến tháng 12/2025", true)]
    [InlineData("Phấn đấu đến năm 2025, tỷ lệ bí thư chi bộ không quá 40 tuổi đạt tỷ lệ 50%.", "đến năm 2025", false)]
    [InlineData("Đến năm 2025, 100% chi bộ có đảng viên trẻ.", "Đến năm 2025", false)]
    public void An_as_of_date_is_told_from_a_deadline(string sentence, string time, bool asOf) =>
        Assert.Equal(asOf, FactExtractor.Extract(sentence).Single(f => f.Text == time).IsStatusDate);

    [Theory]
    [InlineData("hằng năm", 1.0)]
    [InlineData("Hàng năm", 1.0)]
    [InlineData("mỗi năm một lần", 1.0)]
    [InlineData("định kỳ hằng năm", 1.0)]
    [InlineData("6 tháng một lần", 2.0)]
    [InlineData("2 lần mỗi năm", 2.0)]
    [InlineData("hằng quý", 4.0)]
    [InlineData("định kỳ", null)]
    [InlineData("thường xuyên", null)]
    [InlineData("đột xuất", null)]
    public void Frequencies_say_how_often_a_year_and_vague_ones_say_nothing(string frequency, double? perYear) =>
        Assert.Equal(perYear, Frequencies.PerYear(frequency));

    [Theory]
    [InlineData("cap-uy", "chi-uy", true)]
    [InlineData("cap-uy", "dang-uy-xa", true)]
    [InlineData("cap-uy", "cap-uy-huyen", true)]
    [InlineData("cap-uy-tinh", "cap-uy", true)]
    [InlineData("dang-vien", "dang-vien-dang-cong-tac", true)]
    [InlineData("chi-bo", "chi-uy", true)]
    [InlineData("bi-thu-chi-bo", "chi-uy", true)]
    [InlineData("bi-thu-chi-bo", "chi-bo", true)]
    [InlineData("dang-vien", "ban-to-chuc-trung-uong", false)]
    [InlineData("mttq-doan-the", "cap-uy", false)]
    public void Roles_that_include_each_other_overlap(string a, string b, bool overlap) =>
        Assert.Equal(overlap, RoleLexicon.Overlap(RoleLexicon.Resolve(a)!.Role, RoleLexicon.Resolve(b)!.Role));
}
