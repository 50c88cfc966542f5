using PartyAssistant.Questions;

namespace PartyAssistant.Tests.Questions;

/// <summary>A question read once: frame, focus, asked-for shape, named documents, role, follow-up.</summary>
public sealed class QuestionAnalysisTests
{
    private static string Focus(QuestionAnalysis question) =>
        string.Join(" | ", question.Focus.Runs.Select(r => string.Join(' ', r.Tokens.Select(t => t.Folded))));

    [Fact]
    public void The_focus_leaves_out_the_frame_the_joining_words_and_the_words_found_everywhere()
    {
        var question = QuestionAnalysis.From("Thủ tục kết nạp đảng viên mới gồm những bước nào?");

        Assert.True(question.Frames.HasFlag(Frame.Procedure));
        Assert.True(question.AsksForProcedure);
        Assert.Contains("ket nap", Focus(question), StringComparison.Ordinal);
        Assert.DoesNotContain("thu tuc", Focus(question), StringComparison.Ordinal);
        Assert.DoesNotContain("buoc", Focus(question), StringComparison.Ordinal);
        Assert.Equal("kết nạp đảng viên mới", question.Focus.Display);
    }

    [Theory]
    [InlineData("Thẻ đảng viên bị mất thì làm lại ở đâu?", "the dang vien")]
    [InlineData("Đảng viên có được xin ra khỏi Đảng không?", "xin ra khoi dang")]
    [InlineData("ĐV làm việc ở nước ngoài có phải đóng đảng phí không?", "dong dang phi")]
    public void A_compound_with_a_common_word_is_kept_whole(string text, string expected) =>
        Assert.Contains(expected, Focus(QuestionAnalysis.From(text)), StringComparison.Ordinal);

    [Fact]
    public void Typed_without_diacritics_the_same_question_has_the_same_focus_and_frame()
    {
        var accented = QuestionAnalysis.From("Đảng viên đang công tác có phải đi họp chi bộ nơi cư trú không?");
        var plain = QuestionAnalysis.From("dv dang cong tac co phai di hop chi bo noi cu tru khong");

        Assert.True(plain.TypedWithoutDiacritics);
        Assert.Equal(accented.Frames, plain.Frames);
        Assert.Equal(Focus(accented), Focus(plain));
        Assert.True(plain.AsksForRule);
        Assert.Equal("di", plain.Focus.Action!.Value.Run.Tokens[plain.Focus.Action.Value.Index].Folded);
    }

    [Fact]
    public void Marks_typed_are_kept_apart_where_they_differ()
    {
        // "đề" is not the joining word "để"; "Minh" in a question written with marks is not "mình".
        Assert.Contains("chuyen de", Focus(QuestionAnalysis.From("Sinh hoạt chuyên đề tổ chức mấy lần?")), StringComparison.Ordinal);
        Assert.Contains("ho chi minh", Focus(QuestionAnalysis.From("Học tập tư tưởng Hồ Chí Minh thế nào?")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_phrase_of_the_readings_list_gives_syllables_typed_without_marks_their_marks()
    {
        // "Ai ky" asks who signed: "ký" must then match as "ký", never as the "kỳ" of "định kỳ".
        var signer = QuestionAnalysis.From("Ai ky ban hanh Ket luan nay?").Focus.Runs.SelectMany(r => r.Tokens).Single(t => t.Text == "ky");
        Assert.True(signer.Exact);
        Assert.Equal(PartyAssistant.Text.TextTokens.Of("ký")[0].Accented, signer.Accented);
        Assert.False(new PartyAssistant.Text.MatchText("Định kỳ hằng năm báo cáo.").Has(signer));
        Assert.True(new PartyAssistant.Text.MatchText("(Đã ký) Lê Quốc Phong").Has(signer));

        // Elsewhere "ky" stays open to any spelling.
        Assert.Contains(QuestionAnalysis.From("ky niem ngay thanh lap chi bo").Focus.Runs.SelectMany(r => r.Tokens), t => t.Text == "ky" && !t.Exact);
    }

    [Fact]
    public void Syllables_typed_without_marks_are_read_as_the_corpus_spells_them_beside_their_neighbour()
    {
        static double Rarity(string term) => 1;
        IReadOnlyList<string> Corpus(string pair) => pair switch
        {
            "chuyen de" => ["chuyên đề"],
            "truoc do" => ["trước đó"],
            _ => [],
        };

        // "chuyển … để" is not "chuyên đề", although each syllable folds the same.
        var topic = QuestionAnalysis.From("sinh hoat chuyen de may lan").Focus;
        var words = new PartyAssistant.Text.MatchText("Chuyển biến để sinh hoạt tốt hơn.");
        Assert.True(FocusCoverage.For(topic, Rarity).Of(words) > FocusCoverage.For(topic, Rarity, markedForms: Corpus).Of(words));
        Assert.Equal(1, FocusCoverage.For(topic, Rarity, markedForms: Corpus).Of(new PartyAssistant.Text.MatchText("Sinh hoạt chuyên đề mỗi quý một lần.")), 3);

        // Where the corpus spells it as a joining word ("trước đó"), it weighs nothing, as if typed with its marks.
        var before = QuestionAnalysis.From("xay dung noi tiep chi thi nao truoc do").Focus;
        var said = new PartyAssistant.Text.MatchText("Được xây dựng nối tiếp chỉ thị ban hành trước.");
        Assert.Equal(1, FocusCoverage.For(before, Rarity, markedForms: Corpus).Of(said), 3);
        Assert.True(FocusCoverage.For(before, Rarity).Of(said) < 1);
    }

    [Theory]
    [InlineData("Đảng ủy xã có tối đa bao nhiêu ủy viên?", Frame.Quantity, "uy vien")]
    [InlineData("Kết luận 38-KL/TW đề ra bao nhiêu nhiệm vụ, giải pháp?", Frame.Quantity, "nhiem vu")]
    [InlineData("Tỷ lệ này phải đạt bao nhiêu?", Frame.Quantity, null)]
    [InlineData("Bao nhiêu phần trăm chi uỷ được bồi dưỡng?", Frame.Percent, null)]
    [InlineData("Mỗi buổi sinh hoạt kéo dài tối đa bao lâu?", Frame.Duration, null)]
    [InlineData("Sinh hoạt chuyên đề tổ chức mấy lần trong năm?", Frame.Frequency, null)]
    public void The_asked_for_shape_is_read_with_the_thing_counted(string text, Frame frame, string? counted)
    {
        var question = QuestionAnalysis.From(text);
        Assert.True(question.Frames.HasFlag(frame), question.Frames.ToString());
        Assert.Equal(counted, question.CountedNoun);
    }

    [Fact]
    public void Named_documents_pointers_roles_and_follow_ups_are_read_once()
    {
        var named = QuestionAnalysis.From("Kế hoạch 15-KH/TU và QĐ 213 quy định gì?");
        Assert.Equal(["15-kh-tu", "213-qd"], named.References.Select(r => r.QueryKey));

        var pointed = QuestionAnalysis.From("Ai ký ban hành Kết luận này?");
        Assert.Equal("Kết luận", pointed.PointedType);
        Assert.Equal(Ask.Actor, pointed.Asks);

        var duties = QuestionAnalysis.From("dv dang cong tac phai lam gi o noi cu tru");
        Assert.Equal("dang-vien-dang-cong-tac", duties.RoleAsked!.Id);

        Assert.True(QuestionAnalysis.From("còn cán bộ không chuyên trách thì sao?").IsFollowUp);
        Assert.False(QuestionAnalysis.From("Quy hoạch cán bộ cơ sở cần quan tâm những đối tượng nào?").IsFollowUp);
    }

    [Fact]
    public void Only_common_words_beside_a_named_document_ask_about_the_document_itself()
    {
        var question = QuestionAnalysis.From("Nghị quyết 03-NQ/TU được ban hành ngày nào?");
        Assert.True(question.Focus.IsEmpty);
        Assert.Equal("Nghị quyết 03-NQ/TU được ban hành ngày nào", question.Focus.Display);
        Assert.Equal(ExpectedAnswer.Time, question.Expected);
    }

    [Fact]
    public void Who_acts_is_a_part_to_answer_but_whom_is_not()
    {
        Assert.Equal(Ask.Actor, QuestionAnalysis.From("Ai chủ trì theo dõi việc thực hiện?").Asks);
        Assert.Equal(Ask.Actor, QuestionAnalysis.From("Chi ủy phối hợp với ai để nhận xét?").Asks);
        Assert.Equal(Ask.None, QuestionAnalysis.From("Mặt trận giới thiệu ai cho chi bộ xem xét kết nạp?").Asks);
    }
}
