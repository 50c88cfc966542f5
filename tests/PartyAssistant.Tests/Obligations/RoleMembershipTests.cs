using Microsoft.Extensions.Logging.Abstractions;
using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Obligations;
using PartyAssistant.Text;

namespace PartyAssistant.Tests.Obligations;

/// <summary>A checklist carries the duties of the roles the person also holds, each saying whose it is; a broad role names the narrower ones.</summary>
public sealed class RoleMembershipTests
{
    private static Role R(string id) => RoleLexicon.Roles.Single(r => r.Id == id);

    [Fact]
    public void The_membership_file_loads_and_names_only_known_roles()
    {
        Assert.Equal(["chi-uy", "chi-bo", "dang-vien"], RoleMemberships.BelongsTo(R("bi-thu-chi-bo")).Select(r => r.Id));
        Assert.Equal(["dang-vien"], RoleMemberships.BelongsTo(R("dang-vien-dang-cong-tac")).Select(r => r.Id));
        Assert.Empty(RoleMemberships.BelongsTo(R("chi-uy")));
        Assert.Equal(["dang-vien-dang-cong-tac", "bi-thu-chi-bo"], RoleMemberships.Within(R("dang-vien")).Select(r => r.Id));

        var error = Assert.Throws<FormatException>(() => RoleMemberships.Load([["bi-thu-chi-bo", "chi-uy, pho-chu-tich"]]));
        Assert.Contains("role-memberships.tsv: không có vai trò mã \"pho-chu-tich\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secretary_gets_the_duties_of_the_cell_its_committee_and_every_member_each_saying_whose()
    {
        using var temp = new TempDirectory();
        var corpus = temp.CopyCorpus();

        // An invented regulation, written for this test: one duty each for the members, the cell committee and the secretary.
        File.WriteAllText(Path.Combine(corpus, "qd-thu-nghiem.md"),
            "---\nid: qd-thu-nghiem\ntype: Quy định\nnumber: 901-QĐ/TN\ndate: 2026-01-05\ntitle: Quy định thử nghiệm về sinh hoạt chi bộ\nkind: official-text\n---\n\n"
            + "## Điều 1. Trách nhiệm\n\n1. Đảng viên phải đóng đảng phí đầy đủ, đúng hạn hằng tháng.\n\n"
            + "2. Chi uỷ phải chuẩn bị nội dung sinh hoạt chi bộ hằng tháng.\n\n"
            + "3. Bí thư chi bộ phải gửi dự thảo nghị quyết đến đảng viên chậm nhất 03 ngày trước kỳ họp.\n");
        var loaded = await new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(corpus, CancellationToken.None);
        var all = ObligationFinder.FindAll(loaded);
        var secretary = all.Single(r => r.Role.Id == "bi-thu-chi-bo");

        Assert.Contains(secretary.Items, i => i.Text.Contains("gửi dự thảo nghị quyết", StringComparison.Ordinal));
        var fromCommittee = Assert.Single(secretary.Inherited, i => i.DocumentId == "qd-thu-nghiem" && i.Role.Id == "chi-uy");
        Assert.Contains("chuẩn bị nội dung sinh hoạt chi bộ", fromCommittee.Text, StringComparison.Ordinal);
        Assert.Contains(secretary.Inherited, i => i.DocumentId == "qd-thu-nghiem" && i.Role.Id == "dang-vien" && i.Text.Contains("đóng đảng phí", StringComparison.Ordinal));
        Assert.Contains(secretary.Inherited, i => i.PassageId == "qd-213/dieu-4.3" && i.Role.Id == "chi-bo");

        // The sentence that names the secretary as the committee's stand-in is on the list once, as the secretary's own.
        Assert.Contains(secretary.Items, i => i.PassageId == "qd-213/dieu-4.5");
        Assert.DoesNotContain(secretary.Inherited, i => i.PassageId == "qd-213/dieu-4.5");

        var text = ObligationText.Checklist(secretary);
        Assert.Contains("Bí thư chi bộ còn thuộc Chi uỷ, Chi bộ, Đảng viên, nên có cả các nghĩa vụ sau", text, StringComparison.Ordinal);
        Assert.Contains("(nghĩa vụ của Chi uỷ)", text, StringComparison.Ordinal);
        Assert.Contains("(nghĩa vụ của Đảng viên)", text, StringComparison.Ordinal);
        Assert.True(secretary.Items.Count + secretary.Inherited.Count >= 5);

        // A member on duty under Quy định 213 is a member too.
        var working = all.Single(r => r.Role.Id == "dang-vien-dang-cong-tac");
        Assert.Contains(working.Inherited, i => i.Role.Id == "dang-vien" && i.DocumentId == "qd-thu-nghiem");
    }

    [Fact]
    public async Task The_member_list_names_the_narrower_roles_with_their_counts()
    {
        var loaded = await new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(TestPaths.Corpus, CancellationToken.None);
        var all = ObligationFinder.FindAll(loaded);
        var member = all.Single(r => r.Role.Id == "dang-vien");
        var working = all.Single(r => r.Role.Id == "dang-vien-dang-cong-tac");

        Assert.Contains(member.Narrower, n => n.Role.Id == "dang-vien-dang-cong-tac" && n.Count == working.Items.Count);
        Assert.True(working.Items.Count >= 5);
        Assert.Contains($"Nếu đồng chí là đảng viên đang công tác (diện Quy định 213): {working.Items.Count} mục — xem nghia-vu dang-vien-dang-cong-tac.", ObligationText.Checklist(member), StringComparison.Ordinal);
        Assert.All(all, r => Assert.DoesNotContain(r.Inherited, i => r.Items.Any(o => o.PassageId == i.PassageId && o.Quote == i.Quote)));
    }
    [Theory]
    [InlineData("dang-vien")]
    [InlineData("bi-thu-chi-bo")]
    public async Task A_member_and_a_secretary_each_see_at_least_5_cited_duties_on_the_shipped_corpus_conditional_ones_under_their_condition(string roleId)
    {
        var loaded = await new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(TestPaths.Corpus, CancellationToken.None);
        var all = ObligationFinder.FindAll(loaded);
        var list = all.Single(r => r.Role.Id == roleId);
        var shown = list.Items.Concat(list.Inherited).Concat(list.Narrower.SelectMany(g => g.Items)).ToList();

        Assert.True(shown.Count >= 5, $"{roleId}: {shown.Count}");
        Assert.Equal(shown.Count, shown.Select(i => (i.PassageId, i.Quote)).Distinct().Count());
        var passages = loaded.Passages.ToDictionary(p => p.Id);
        Assert.All(shown, i => Assert.True(PartyAssistant.Answering.CitationChecker.Contains(passages[i.PassageId].Text, i.Quote), i.Quote));

        // Each narrower role's duties come under its condition, cited, and are that role's own list.
        var text = ObligationText.Checklist(list);
        var working = all.Single(r => r.Role.Id == "dang-vien-dang-cong-tac");
        var group = Assert.Single(list.Narrower, g => g.Role.Id == "dang-vien-dang-cong-tac");
        Assert.Equal(working.Items, group.Items);
        var heading = text.IndexOf("Nếu đồng chí là đảng viên đang công tác (diện Quy định 213): ", StringComparison.Ordinal);
        Assert.True(heading > 0, text);
        Assert.All(group.Items, i => Assert.True(text.IndexOf("— xem " + i.PassageId, heading, StringComparison.Ordinal) > heading, i.PassageId));

        // A role a person holds is never offered as a condition ("Nếu đồng chí là chi bộ" for a secretary).
        Assert.DoesNotContain(list.Narrower, g => g.Role.Id == roleId || RoleMemberships.BelongsTo(list.Role).Contains(g.Role));
    }
}
