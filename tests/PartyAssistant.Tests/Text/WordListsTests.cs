using PartyAssistant.Corpus;
using PartyAssistant.Questions;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Tests.Text;

/// <summary>Every word list the assistant reads is shipped, loads, and is of its declared shape.</summary>
public sealed class WordListsTests
{
    public static TheoryData<string> Lists => new(WordLists.All);

    [Theory]
    [MemberData(nameof(Lists))]
    public void Each_list_loads_with_entries_in_NFC_and_no_duplicates(string name)
    {
        // The file as committed, before the loader normalises it: an entry typed in another form would hide from a search of the file.
        var raw = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "PartyAssistant", "Text", "Words", name));
        Assert.True(raw.IsNormalized(System.Text.NormalizationForm.FormC), $"{name} is not NFC");

        var rows = WordLists.Rows(name);
        Assert.NotEmpty(rows);

        // One entry a phrase, whatever its marks or tone placement: "hoà" and "hòa", "quy định" and "quy dinh" are one.
        var phrases = rows.Select(r => (r[0][..(r[0].Length - r[0].TrimStart('!', '^').Length)] + string.Join(' ', TextTokens.Of(r[0]).Select(t => t.Accented)) + (r[0].EndsWith('$') ? "$" : string.Empty))).ToList();
        var repeated = phrases.GroupBy(p => p, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"{name}: {string.Join(", ", repeated)}");
    }

    [Fact]
    public void Every_frame_row_names_a_frame_and_every_question_word_is_one()
    {
        Assert.All(WordLists.Rows(WordLists.QuestionFrames), r => Assert.True(r.Length == 2 && Enum.TryParse<Frame>(r[1], true, out _), string.Join('\t', r)));
        Assert.True(QuestionLexicon.Frames.Count >= 100);
        var tokens = TextTokens.Of("bao lâu một lần", marksKnown: false);
        Assert.Equal(Frame.Frequency, QuestionLexicon.Frames.LongestAt(tokens, 0)!.Value);
    }

    [Fact]
    public void Abbreviations_and_document_types_have_their_second_column()
    {
        Assert.All(WordLists.Rows(WordLists.Abbreviations), r => Assert.True(r.Length >= 2 && r[1].Length > 0, r[0]));
        Assert.All(WordLists.Rows(WordLists.DocumentTypes), r => Assert.True(r.Length >= 2 && r[1].Length > 0, r[0]));
        Assert.Equal("đảng viên phải làm gì", Abbreviations.Expand("ĐV phải làm gì"));
    }

    [Fact]
    public void The_synonym_file_reads_as_groups_and_as_Lucenes_synonym_map()
    {
        Assert.All(SynonymTable.Groups, g => Assert.True(g.Count >= 2, string.Join(", ", g)));
        Assert.Contains(SynonymTable.Groups, g => g.Contains("kiêm") && g.Contains("đồng thời là"));

        // The same file through Lucene's Solr parser and SynonymFilter: "qua mạng" also searches "trực tuyến".
        using var plain = new VietnameseAnalyzer();
        using var analyzer = new VietnameseAnalyzer(synonyms: true);
        Assert.DoesNotContain("trực", AnalyzerTerms.Of(plain, SearchFields.Body, "xin nhận xét qua mạng"));
        var terms = AnalyzerTerms.Of(analyzer, SearchFields.Body, "xin nhận xét qua mạng");
        Assert.Contains("trực", terms);
        Assert.Contains("tuyến", terms);
        Assert.Contains("mạng", terms);
        Assert.Contains("tuyen", AnalyzerTerms.Of(analyzer, SearchFields.BodyFolded, "xin nhan xet qua mang"));
    }

    [Fact]
    public void Common_words_keep_the_compounds_that_mean_something_of_their_own()
    {
        var tokens = TextTokens.Of("đóng đảng phí cho đảng");
        var found = QuestionLexicon.DomainCommon.FindAll(tokens);
        Assert.Contains(found, m => !m.Value && m.Index == 1 && m.Count == 2);   // "đảng phí" stays
        Assert.Contains(found, m => m.Value && m.Index == 4);                     // "đảng" alone is common
    }

    [Fact]
    public void A_malformed_synonym_line_is_reported()
    {
        var error = Assert.Throws<FormatException>(() => SynonymTable.Parse("kiêm\n"));
        Assert.Contains("hai cách nói", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kế hoạch 15-KH/TU", "15-kh-tu")]
    [InlineData("theo KH 15 của Tỉnh uỷ", "15-kh")]
    [InlineData("Báo cáo số 12-BC/TU", "12-bc-tu")]
    [InlineData("Quy định số 213-QĐ/TW", "213-qd-tw")]
    [InlineData("quy dinh 213", "213-qd")]
    public void One_recogniser_reads_document_numbers_of_every_kind(string text, string key) =>
        Assert.Equal(key, Assert.Single(DocumentReference.FindAll(text)).QueryKey);

    [Theory]
    [InlineData("đã 3 năm chưa họp")]
    [InlineData("báo cáo 5 năm thực hiện")]
    [InlineData("tỷ lệ 50% đến năm 2025")]
    public void Words_that_only_look_like_a_kind_of_document_name_none(string text) =>
        Assert.Empty(DocumentReference.FindAll(text));
}
