using PartyAssistant.Corpus;
using PartyAssistant.Obligations;
using PartyAssistant.Outlines;
using PartyAssistant.Quizzes;
using PartyAssistant.Tests.Cli;
using PartyAssistant.Tests.Quizzes;
using PartyAssistant.Text;

namespace PartyAssistant.Tests.Outlines;

/// <summary>An outline covers every part of its document, shortcomings included, and asks each audience about what falls to it.</summary>
public sealed class OutlineCoverageTests(ShippedCorpusDocuments fixture) : IClassFixture<ShippedCorpusDocuments>, IDisposable
{
    private readonly OutlineBuilder builder = new(new OutlineQuiz(new QuizGenerator()));
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    public static TheoryData<string> AudienceIds => new(Audiences.Known.Select(a => a.Id));

    [Fact]
    public void Every_part_with_something_to_say_and_every_shortcoming_of_every_shipped_document_is_in_its_outline()
    {
        foreach (var document in fixture.Corpus.Documents)
        {
            var outline = this.builder.Build(fixture.Corpus, new OutlineRequest(document.Id));
            var points = outline.KeyPoints.Select(k => (k.Source.PassageId, k.Quote)).ToHashSet();
            foreach (var part in DocumentParts.Read(document))
            {
                var statements = part.Topics.SelectMany(t => t.Passages).Where(p => !PassageHeadings.RepeatsHeading(p)).SelectMany(p => KeyPointSelector.Statements(p.Text)).ToList();
                if (statements.Count > 0)
                {
                    var shown = Assert.Single(outline.Parts, p => p.Heading == part.Heading);
                    Assert.NotEmpty(shown.KeyPoints);
                }
            }

            foreach (var passage in DocumentParts.Taught(document).Where(p => !PassageHeadings.RepeatsHeading(p)))
            {
                foreach (var sentence in KeyPointSelector.Statements(passage.Text).Where(Shortcomings.Stated))
                {
                    Assert.True(points.Contains((passage.Id, sentence)), $"{document.Id}: shortcoming not in the outline: {sentence}");
                }
            }
        }
    }

    [Fact]
    public void The_seeds_outline_reads_out_all_the_shortcomings_of_part_I()
    {
        var outline = this.builder.Build(fixture.Corpus, new OutlineRequest("kl-tu-nq03"));
        var partI = outline.Parts[0].KeyPoints.Select(k => k.Quote).ToList();
        Assert.Contains(partI, q => q.StartsWith("Việc tổ chức sinh hoạt đối với chi bộ có đông đảng viên còn lúng túng", StringComparison.Ordinal));
        Assert.Contains(partI, q => q.StartsWith("Đánh giá kết quả công tác dân vận trong sinh hoạt chi bộ có nơi còn hình thức", StringComparison.Ordinal));
        Assert.Contains(partI, q => q.StartsWith("Nội dung, phương thức hoạt động của Mặt trận Tổ quốc", StringComparison.Ordinal));
        Assert.Equal(8, partI.Count(Shortcomings.Stated));

        // A directive to overcome shortcomings is a task, not a finding.
        Assert.False(Shortcomings.Stated("Thực hiện tốt công tác tự phê bình và phê bình, có kế hoạch để khắc phục, sửa chữa những yếu kém."));
    }

    [Theory]
    [MemberData(nameof(AudienceIds))]
    public void Every_discussion_question_on_every_shipped_document_falls_to_its_audience(string audienceId)
    {
        var audience = Audiences.Resolve(audienceId)!;
        var duties = ObligationFinder.FindAll(fixture.Corpus).SelectMany(r => r.Items).ToList();
        foreach (var document in fixture.Corpus.Documents)
        {
            var outline = this.builder.Build(fixture.Corpus, new OutlineRequest(document.Id, Audience: audience));
            Assert.Equal(audience, outline.Audience);
            foreach (var question in outline.Questions)
            {
                // The point it asks about: a duty of a role, or a sentence said of roles, or of none.
                var point = outline.KeyPoints.First(k => k.Source == question.Source && question.Question.Contains(Head(k.Quote), StringComparison.Ordinal));
                var owners = duties.Where(d => d.PassageId == point.Source.PassageId && VietnameseText.MatchKey(d.Quote) == VietnameseText.MatchKey(point.Quote)).Select(d => d.Role).ToList();
                var roles = owners.Count > 0 ? owners : DiscussionQuestionWriter.RolesOf(point.Quote);
                Assert.True(audience.Concerns(roles), $"{audienceId}, {document.Id}: {question.Question} ({string.Join(", ", roles.Select(r => r.Id))})");
                Assert.Contains(audience.We, question.Question, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void A_chi_bo_is_not_asked_about_the_communes_targets_and_the_commune_is()
    {
        var cell = this.builder.Build(fixture.Corpus, new OutlineRequest("kl-tu-nq03")).Questions;
        var commune = this.builder.Build(fixture.Corpus, new OutlineRequest("kl-tu-nq03", Audience: Audiences.Resolve("Đảng uỷ xã"))).Questions;

        Assert.DoesNotContain(cell, q => q.Question.Contains("đạt trên 95%", StringComparison.Ordinal));
        Assert.DoesNotContain(cell, q => q.Question.Contains("cấp uỷ cơ sở", StringComparison.Ordinal));
        Assert.DoesNotContain(cell, q => q.Source.PassageId == "kl-tu-nq03/III.6");
        Assert.InRange(cell.Count, 3, 5);
        Assert.Contains(commune, q => q.Question.Contains("đạt trên 95%", StringComparison.Ordinal) && q.Question.Contains("Đảng bộ ta đang ở đâu", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("chi bộ", "chi-bo")]
    [InlineData("chi bo", "chi-bo")]
    [InlineData("Đảng ủy xã", "dang-uy-xa")]
    [InlineData("dang uy xa", "dang-uy-xa")]
    [InlineData("cap-uy-tinh", "cap-uy-tinh")]
    [InlineData("cấp uỷ tỉnh", "cap-uy-tinh")]
    [InlineData("tinh uy", "cap-uy-tinh")]
    [InlineData("ban bí thư", null)]
    [InlineData("", null)]
    public void An_audience_is_typed_with_or_without_diacritics(string typed, string? id) =>
        Assert.Equal(id, Audiences.Resolve(typed)?.Id);

    [Fact]
    public void The_audience_file_names_only_known_roles_and_its_rows_have_their_columns()
    {
        Assert.Equal(["chi-bo", "dang-uy-xa", "cap-uy-tinh"], Audiences.Known.Select(a => a.Id));
        Assert.Equal("chi-bo", Audiences.Default.Id);
        Assert.DoesNotContain("dang-uy-xa", Audiences.Default.Roles);
        var unknown = Assert.Throws<FormatException>(() => Audiences.Load([["x", "X", "x ta", "chi-bo, pho-chu-tich"]]));
        Assert.Contains("audiences.tsv: không có vai trò mã \"pho-chu-tich\"", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Audiences.Load([["x", "X"]]));
    }

    [Fact]
    public async Task The_command_takes_the_audience_and_names_it_in_the_outline()
    {
        var result = await CliRunner.RunAsync(TestPaths.Corpus, Path.Combine(this.temp.Path, "data"), "outline", "--doc", "kl-tu-nq03", "--format", "md", "--audience", "dang uy xa");
        Assert.True(result.ExitCode == 0, result.Diagnostics);
        Assert.Contains("Đối tượng: Đảng uỷ xã, phường, thị trấn", result.Output, StringComparison.Ordinal);
        Assert.Contains("liên hệ với thực tế của đảng bộ ta", result.Output, StringComparison.Ordinal);
        Assert.Contains("Đảng bộ ta đang ở đâu so với chỉ tiêu này", result.Output, StringComparison.Ordinal);
    }

    // The words a question quotes first: after a lead-in ("… còn một số hạn chế: ") when there is one.
    private static string Head(string quote)
    {
        var colon = quote.IndexOf(": ", StringComparison.Ordinal);
        var text = (colon > 0 && colon < quote.Length - 20 ? quote[(colon + 2)..] : quote).TrimEnd('.', ';', ':');
        return text[..Math.Min(30, text.Length)];
    }
}
