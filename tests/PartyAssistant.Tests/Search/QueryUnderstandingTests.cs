using PartyAssistant.Corpus;
using PartyAssistant.Questions;
using PartyAssistant.Search;

namespace PartyAssistant.Tests.Search;

public sealed class QueryUnderstandingTests
{
    [Theory]
    [InlineData("QĐ 213 nói gì?", "213-qd")]
    [InlineData("quy dinh 213 ap dung cho ai", "213-qd")]
    [InlineData("Kết luận 38 là về nội dung gì?", "38-kl")]
    [InlineData("Theo Quy định số 213-QĐ/TW ngày 02/01/2020", "213-qd-tw")]
    [InlineData("kl 01 ban hành khi nào", "1-kl")]
    public void Document_references_are_recognised_however_typed(string question, string key) =>
        Assert.Contains(key, DocumentReference.FindAll(question).Select(r => r.QueryKey));

    [Fact]
    public void A_full_number_also_gives_the_short_key() =>
        Assert.Equal(["213-qd", "213-qd-tw"], DocumentReference.ParseNumber("213-QĐ/TW")!.Keys);

    [Fact]
    public void Plain_numbers_are_not_references() =>
        Assert.Empty(DocumentReference.FindAll("tỷ lệ 50% đến năm 2025"));

    [Fact]
    public void Abbreviations_expand_but_document_numbers_stay_as_printed()
    {
        Assert.Equal("đảng viên phải làm gì", Abbreviations.Expand("ĐV phải làm gì"));
        Assert.Equal("mặt trận tổ quốc và cán bộ", Abbreviations.Expand("MTTQ và CB"));
        Assert.Equal("Nghị quyết 03-NQ/TU", Abbreviations.Expand("Nghị quyết 03-NQ/TU"));
    }

    [Fact]
    public void A_short_form_that_is_also_a_syllable_expands_only_in_capitals()
    {
        Assert.Equal("tu duong dao duc", Abbreviations.Expand("tu duong dao duc"));
        Assert.Equal("Ban Thường vụ tỉnh uỷ", Abbreviations.Expand("Ban Thường vụ TU"));
    }

    [Fact]
    public void A_question_with_only_abbreviations_for_diacritics_counts_as_typed_without_them()
    {
        Assert.True(QuestionAnalysis.From("DV di lam xa noi cu tru thi sao").TypedWithoutDiacritics);
        Assert.True(QuestionAnalysis.From("ĐV di lam xa noi cu tru theo QĐ 213").TypedWithoutDiacritics);
        Assert.False(QuestionAnalysis.From("ĐV đi làm xa nơi cư trú").TypedWithoutDiacritics);
    }

    [Fact]
    public void Pointers_name_a_type_and_questions_name_the_fact_they_want()
    {
        var question = QuestionAnalysis.From("khi nao so ket ket luan nay");
        Assert.Equal("Kết luận", question.PointedType);
        Assert.Equal(ExpectedAnswer.Time, question.Expected);
        Assert.DoesNotContain("luan", question.SearchText, StringComparison.Ordinal);
        Assert.Equal(ExpectedAnswer.Quantity, QuestionAnalysis.From("Tỷ lệ bao nhiêu phần trăm?").Expected);
    }

    [Theory]
    [InlineData("Vượt quá giới hạn phòng vệ chính đáng là gì?", "vuot qua gioi han phong ve chinh dang")]
    [InlineData("Theo Bộ luật Hình sự, hình phạt là gì?", "hinh phat")]
    [InlineData("Định nghĩa của \"tổ đảng\"?", "to dang")]
    [InlineData("khai niem dang vien dang cong tac theo quy dinh 213", "dang vien dang cong tac")]
    public void Definition_questions_name_their_term(string question, string term)
    {
        var analyzed = QuestionAnalysis.From(question);
        Assert.Equal(ExpectedAnswer.Definition, analyzed.Expected);
        Assert.Equal(term, analyzed.DefinedTerm);
    }

    [Fact]
    public void A_definition_is_a_sentence_saying_the_term_is_something()
    {
        var question = QuestionAnalysis.From("Phòng vệ chính đáng là gì?");
        Assert.True(AnswerShape.Satisfies(question, "", "1 phong ve chinh dang la hanh vi cua nguoi"));
        Assert.False(AnswerShape.Satisfies(question, "", "vuot qua gioi han phong ve chinh dang thi"));
        Assert.True(AnswerShape.Satisfies(QuestionAnalysis.From("sơ kết khi nào?"), "sơ kết vào cuối năm 2022", ""));
        Assert.False(AnswerShape.Satisfies(QuestionAnalysis.From("sơ kết khi nào?"), "sơ kết định kỳ", ""));
    }
}
