using Microsoft.Extensions.Logging.Abstractions;
using PartyAssistant.Answering;
using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Obligations;
using PartyAssistant.Text;

namespace PartyAssistant.Tests.Obligations;

/// <summary>The checklists read from the shipped corpus: every item a sentence of its passage, said of the role.</summary>
public sealed class ObligationFinderTests
{
    private static readonly Lazy<(CorpusLoadResult Corpus, IReadOnlyList<RoleObligations> All)> Shipped = new(() =>
    {
        var corpus = new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(TestPaths.Corpus, CancellationToken.None).GetAwaiter().GetResult();
        return (corpus, ObligationFinder.FindAll(corpus));
    });

    private static RoleObligations For(string roleId) => Shipped.Value.All.Single(r => r.Role.Id == roleId);

    private static Passage Passage(string id) => Shipped.Value.Corpus.Passages.Single(p => p.Id == id);

    [Theory]
    [InlineData("dang-vien")]
    [InlineData("dang-vien-dang-cong-tac")]
    [InlineData("bi-thu-chi-bo")]
    [InlineData("chi-uy")]
    [InlineData("dang-uy-xa")]
    [InlineData("cap-uy-huyen")]
    [InlineData("cap-uy-tinh")]
    [InlineData("cap-uy")]
    [InlineData("mttq-doan-the")]
    [InlineData("ban-to-chuc-tinh-uy")]
    [InlineData("ban-tuyen-giao-tinh-uy")]
    public void Every_item_quotes_its_passage_and_is_said_of_the_role_or_the_answer_says_there_is_none(string roleId)
    {
        var list = For(roleId);
        if (list.Items.Count == 0)
        {
            Assert.StartsWith("Các văn bản đã nạp không quy định nghĩa vụ riêng cho ", ObligationText.Checklist(list), StringComparison.Ordinal);
            return;
        }

        foreach (var item in list.Items)
        {
            var passage = Passage(item.PassageId);
            Assert.True(CitationChecker.Contains(passage.Text, item.Quote), $"{item.PassageId}: {item.Quote}");
            Assert.True(CitationChecker.Contains(item.Quote, item.Text), $"checklist line reworded: {item.Text}");
            Assert.Equal(passage.Label, item.Label);
            var leadIn = SentenceSplitter.Split(passage.Text)[0] + " " + passage.Heading + " " + Shipped.Value.Corpus.FindDocument(item.DocumentId)!.Metadata.Title;
            Assert.True(Names(item.Quote, list.Role) || Names(leadIn, list.Role), $"{roleId} not named for {item.PassageId}: {item.Quote}");
            Assert.DoesNotContain("/I.", item.PassageId, StringComparison.Ordinal); // Part I reports results; it directs nobody
        }

        Assert.Equal(list.Items.Count, list.Items.Select(i => VietnameseText.MatchKey(i.Text)).Distinct().Count());
    }

    [Fact]
    public void The_provincial_organisation_board_gets_item_III_5_with_its_deadlines()
    {
        var items = For("ban-to-chuc-tinh-uy").Items;
        Assert.Equal(["kl-tu-nq03/III.5"], items.Select(i => i.PassageId).Distinct());
        Assert.StartsWith("Ban Tổ chức Tỉnh uỷ chủ trì phối hợp với các cơ quan chuyên trách tham mưu", items[0].Quote, StringComparison.Ordinal);
        Assert.Equal("Chủ trì phối hợp với các cơ quan chuyên trách tham mưu, giúp việc Tỉnh uỷ tổ chức triển khai và theo dõi việc thực hiện.", items[0].Text);
        var report = Assert.Single(items, i => i.Quote.StartsWith("Định kỳ hàng năm", StringComparison.Ordinal));
        Assert.Contains("cuối năm 2022", report.When, StringComparison.Ordinal);
        Assert.Contains("giữa năm 2024", report.When, StringComparison.Ordinal);
        Assert.All(items, i => Assert.False(i.FromSummary));
    }

    [Fact]
    public void Working_members_get_the_tasks_of_Quy_dinh_213_marked_as_from_a_summary()
    {
        var list = For("dang-vien-dang-cong-tac");
        Assert.Contains(list.Items, i => i.PassageId == "qd-213/dieu-2.2" && i.Text.StartsWith("Phải là tấm gương cho nhân dân nơi cư trú", StringComparison.Ordinal));
        Assert.Contains(list.Items, i => i.PassageId == "qd-213/dieu-2.4" && i.When == "định kỳ");
        Assert.All(list.Items, i => Assert.True(i.FromSummary));
        Assert.Contains(ObligationText.SummaryMark, ObligationText.Checklist(list), StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_named_only_as_the_one_served_is_not_given_the_duty()
    {
        var members = For("dang-vien");
        Assert.DoesNotContain(members.Items, i => i.Quote.Contains("cung cấp thông tin thời sự", StringComparison.Ordinal));
        Assert.DoesNotContain(Shipped.Value.All.SelectMany(r => r.Items), i => i.Quote.StartsWith("Nâng cao chất lượng công tác nắm bắt tình hình tư tưởng đảng viên", StringComparison.Ordinal));

        // Quy định 213's "đảng viên phải …" is said of working members; the general role points there instead.
        Assert.Empty(members.Items);
        Assert.Contains("Các văn bản đã nạp không quy định nghĩa vụ riêng cho Đảng viên.", ObligationText.Checklist(members), StringComparison.Ordinal);
        Assert.Contains("dang-vien-dang-cong-tac", ObligationText.Checklist(members), StringComparison.Ordinal);
    }

    [Fact]
    public void Subjects_joined_to_the_first_and_stand_ins_share_the_duty()
    {
        var yearly = "qd-213/dieu-4.5";
        Assert.Contains(For("chi-uy").Items, i => i.PassageId == yearly && i.When == "mỗi năm một lần");
        Assert.Contains(For("bi-thu-chi-bo").Items, i => i.PassageId == yearly);
        Assert.Contains(For("dang-uy-xa").Items, i => i.PassageId == "kl-tu-nq03/II.5.3");
        Assert.Contains(For("cap-uy-huyen").Items, i => i.PassageId == "kl-tu-nq03/II.5.3");
        Assert.Contains(For("cap-uy-tinh").Items, i => i.Text.StartsWith("Lãnh đạo, chỉ đạo toàn diện", StringComparison.Ordinal));
        Assert.Contains(For("mttq-doan-the").Items, i => i.PassageId == "kl-tu-nq03/III.3");
        Assert.Contains(For("cap-uy").Items, i => i.Text == "Phải thực hiện việc tiếp dân định kỳ theo quy định, bảo đảm thời gian đi cơ sở, nắm thực tế, hỗ trợ kịp thời cho chi bộ ấp, khóm.");
    }

    [Fact]
    public async Task Superseded_summaries_give_way_to_the_official_text()
    {
        using var temp = new TempDirectory();
        var corpus = temp.CopyCorpus();
        File.WriteAllText(Path.Combine(corpus, "qd-213-toan-van.md"),
            "---\nid: qd-213-toan-van\ntype: Quy định\nnumber: 213-QĐ/TW\ndate: 2020-01-02\ntitle: Quy định về trách nhiệm của đảng viên đang công tác\nkind: official-text\nsummary_of: qd-213\n---\n\n"
            + "## Điều 2. Nhiệm vụ của đảng viên ở nơi cư trú\n\n1. Gương mẫu thực hiện và vận động gia đình thực hiện nghĩa vụ công dân nơi cư trú.\n");
        var loaded = await new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(corpus, CancellationToken.None);

        var items = ObligationFinder.FindAll(loaded).Single(r => r.Role.Id == "dang-vien-dang-cong-tac").Items;

        Assert.DoesNotContain(items, i => i.DocumentId == "qd-213");
        var official = Assert.Single(items, i => i.DocumentId == "qd-213-toan-van");
        Assert.False(official.FromSummary);
        Assert.Equal("Gương mẫu thực hiện và vận động gia đình thực hiện nghĩa vụ công dân nơi cư trú.", official.Text);
    }

    [Fact]
    public void A_duty_a_document_gives_with_giao_cho_goes_to_the_roles_it_names()
    {
        var item = Assert.Single(For("cap-uy").Items, i => i.PassageId == "qd-213/dieu-1.4");
        Assert.StartsWith("Khoản 2 Điều 1 Quy định 213-QĐ/TW giao cho cả tổ chức cơ sở đảng nơi đảng viên công tác", item.Text, StringComparison.Ordinal);
        Assert.Contains("kiểm tra, giám sát, nhận xét và đánh giá", item.Text, StringComparison.Ordinal);
        Assert.True(item.FromSummary);
        Assert.DoesNotContain(For("dang-vien-dang-cong-tac").Items, i => i.PassageId == "qd-213/dieu-1.4");
    }

    [Fact]
    public void The_youth_union_standing_committee_is_read_as_one_of_the_mass_organisations()
    {
        var item = Assert.Single(For("mttq-doan-the").Items, i => i.PassageId == "kl-tu-nq03/III.3");
        Assert.Equal("Xây dựng kế hoạch triển khai Kết luận, tập trung lãnh đạo đổi mới nội dung, phương thức hoạt động của Uỷ ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội ở xã, phường, thị trấn.", item.Text);
    }

    [Theory]
    [InlineData("doan thanh nien", "mttq-doan-the", true)]
    [InlineData("Ban Thường vụ Đoàn Thanh niên Cộng sản Hồ Chí Minh Tỉnh", "mttq-doan-the", true)]
    [InlineData("phó bí thư chi bộ", "bi-thu-chi-bo", true)]
    [InlineData("đảng viên dự bị", "dang-vien", true)]
    [InlineData("bí thư chi bộ", "bi-thu-chi-bo", false)]
    [InlineData("nghĩa vụ của bí thư chi bộ", "bi-thu-chi-bo", false)]
    [InlineData("dv dang cong tac", "dang-vien-dang-cong-tac", false)]
    [InlineData("chi-uy", "chi-uy", false)]
    public void A_role_without_its_own_checklist_says_which_role_stands_in(string query, string roleId, bool nearest)
    {
        var choice = RoleLexicon.Resolve(query);
        Assert.NotNull(choice);
        Assert.Equal(roleId, choice.Role.Id);
        Assert.Equal(nearest, choice.Nearest is not null);
        if (nearest)
        {
            Assert.Equal($"Không có vai trò riêng cho \"{query}\"; dùng {choice.Role.Name}.", choice.Nearest);
        }
    }

    [Theory]
    [InlineData("Tổ chức hình thức sinh hoạt đảng viên nơi cư trú thiết thực, hiệu quả.", true)]
    [InlineData("Cấp uỷ phải thực hiện việc tiếp dân định kỳ theo quy định.", true)]
    [InlineData("Việc tổ chức sinh hoạt đối với chi bộ có đông đảng viên còn lúng túng.", false)]
    [InlineData("Hàng năm, đảng bộ xã, phường, thị trấn được xếp loại chất lượng \"Hoàn thành tốt nhiệm vụ\" trở lên đạt trên 95%.", false)]
    public void A_step_is_a_directive_not_a_report(string sentence, bool expected) => Assert.Equal(expected, Directive.IsStep(sentence));

    [Theory]
    [InlineData("Việc đánh giá, xếp loại phải thực chất.", true)]
    [InlineData("Đảng viên không được lợi dụng việc sinh hoạt nơi cư trú.", true)]
    [InlineData("Thực hiện thường xuyên việc rà soát, sàng lọc đảng viên.", true)]
    [InlineData("Tổng Bí thư Nguyễn Phú Trọng chủ trì hội nghị.", false)]
    [InlineData("Hướng dẫn 33-HD/BTCTW có kèm các biểu mẫu.", false)]
    public void A_duty_is_stated_by_a_modal_word_or_a_step(string sentence, bool expected) => Assert.Equal(expected, Directive.StatesDuty(sentence));

    [Theory]
    [InlineData("Bí thư chi bộ chuẩn bị nội dung sinh hoạt và gửi dự thảo nghị quyết chậm nhất 03 ngày trước kỳ sinh hoạt.", "bi-thu-chi-bo")]
    [InlineData("Chi uỷ nơi cư trú ghi ý kiến nhận xét vào phiếu trong vòng 10 ngày kể từ khi nhận phiếu.", "chi-uy")]
    [InlineData("Chi bộ họp thường lệ mỗi tháng một lần.", "chi-bo")]
    [InlineData("Đảng uỷ xã gửi tài liệu hướng dẫn cho bí thư chi bộ trước mỗi quý.", "dang-uy-xa")]
    public void In_a_regulations_article_a_role_followed_by_an_action_has_the_duty(string sentence, string roleId)
    {
        var read = ObligationSentence.Read(sentence, directiveContext: false, articleContext: true);
        Assert.True(read.Obligatory, sentence);
        Assert.Equal([roleId], read.Subjects.Select(r => r.Id));

        // Outside an article (a report, a conclusion's assessment) the same plain act is no duty without a modal word.
        Assert.False(ObligationSentence.Read(sentence, directiveContext: false).Obligatory, sentence);
    }

    [Theory]
    [InlineData("Gửi báo cáo về đảng uỷ xã trước ngày 15 tháng 12.", true)]
    [InlineData("Tham mưu khen thưởng các tổ chức, cá nhân.", true)]
    [InlineData("Trình tự, thủ tục xin ý kiến nhận xét gồm ba bước.", false)]
    [InlineData("Ghi chú: mẫu phiếu kèm theo.", false)]
    [InlineData("Hướng dẫn 33-HD/BTCTW có kèm các biểu mẫu.", false)]
    [InlineData("Báo cáo số 12/BC-TU nêu kết quả.", false)]
    public void A_directive_opens_with_an_action_from_the_word_list_and_not_with_a_documents_name(string sentence, bool expected) =>
        Assert.Equal(expected, Directive.OpensWithAction(sentence));

    [Theory]
    [InlineData("Bí thư chi bộ đã kiện toàn chi uỷ trong năm 2025.")]
    [InlineData("Bí thư chi bộ ấp, khóm được bồi dưỡng nghiệp vụ hằng năm.")]
    [InlineData("Chi bộ được đảng uỷ xã cung cấp mẫu phiếu.")]
    [InlineData("Chi bộ ấp có từ 30 đảng viên trở lên.")]
    public void In_an_article_a_report_a_passive_or_a_description_is_no_duty(string sentence) =>
        Assert.False(ObligationSentence.Read(sentence, directiveContext: false, articleContext: true).Obligatory, sentence);

    [Theory]
    [InlineData("Bí thư chi bộ gửi dự thảo nghị quyết đến các chi uỷ viên chậm nhất 03 ngày trước kỳ sinh hoạt.", "chậm nhất 03 ngày trước kỳ sinh hoạt")]
    [InlineData("Chi uỷ ghi ý kiến nhận xét vào phiếu trong vòng 10 ngày kể từ khi nhận phiếu.", "trong vòng 10 ngày kể từ khi nhận phiếu")]
    [InlineData("Chi uỷ gửi báo cáo chậm nhất 05 ngày sau khi kết thúc năm, kèm danh sách.", "chậm nhất 05 ngày sau khi kết thúc năm")]
    [InlineData("Mỗi quý một lần, bí thư chi bộ báo cáo đảng uỷ xã.", "Mỗi quý một lần")]
    public void A_deadline_set_by_a_length_of_time_is_read_as_when(string sentence, string when) =>
        Assert.Contains(when, Deadlines.In(sentence));

    [Fact]
    public void A_length_of_time_without_a_deadline_cue_is_no_deadline() =>
        Assert.Empty(Deadlines.In("Sau 05 năm triển khai thực hiện Nghị quyết, các cấp uỷ đạt nhiều kết quả."));

    private static bool Names(string text, Role role) =>
        RoleLexicon.Find(text).Any(m => m.Role == role || (role.Id == "dang-vien-dang-cong-tac" && m.Role.Id == "dang-vien"));
}
