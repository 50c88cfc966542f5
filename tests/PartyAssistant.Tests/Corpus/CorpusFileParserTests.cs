using PartyAssistant.Corpus;
using PartyAssistant.Text;

namespace PartyAssistant.Tests.Corpus;

public sealed class CorpusFileParserTests
{
    private static CorpusDocument Seed() =>
        CorpusFileParser.Parse(Path.Combine(TestPaths.Corpus, "kl-tu-nq03.md"), File.ReadAllText(Path.Combine(TestPaths.Corpus, "kl-tu-nq03.md")));

    [Fact]
    public void The_seed_entry_is_structured_as_written()
    {
        var seed = Seed();
        var ids = seed.Passages.Select(p => p.Id).ToList();
        Assert.Contains("kl-tu-nq03/I.1", ids);
        Assert.Contains("kl-tu-nq03/II.3.4", ids);
        Assert.Contains("kl-tu-nq03/III.6", ids);
        Assert.Contains("kl-tu-nq03/ky", ids);
        Assert.Equal(4, seed.Passages.Count(p => p.SectionPath == "II.3"));

        var bullet = seed.Passages.Single(p => p.Id == "kl-tu-nq03/II.3.4");
        Assert.Equal("Kết luận Tỉnh uỷ về tiếp tục thực hiện Nghị quyết 03-NQ/TU · Mục II.3, ý 4", bullet.Label);
        Assert.StartsWith("Rà soát, điều chỉnh hợp lý chính sách hỗ trợ", bullet.Text, StringComparison.Ordinal);
        Assert.Contains("3. Nâng cao chất lượng đội ngũ cán bộ", bullet.Heading, StringComparison.Ordinal);
    }

    [Fact]
    public void The_paragraph_cut_by_a_page_break_is_one_passage()
    {
        var passage = Seed().Passages.Single(p => p.Id == "kl-tu-nq03/II.3.1");
        Assert.Contains("Cấp uỷ phải thực hiện việc tiếp dân định kỳ theo quy định", passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_text_is_kept_word_for_word()
    {
        var seed = Seed();
        var all = VietnameseText.MatchKey(string.Join(" ", seed.Passages.Select(p => p.Text).Concat(seed.Sections.Select(s => s.Heading))));
        var paragraphs = File.ReadAllText(TestPaths.Seed).Split("\n\n").Select(VietnameseText.MatchKey).Where(p => p.Length > 0).ToList();
        Assert.True(paragraphs.Count > 40);
        var missing = paragraphs.Where(p => !all.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void The_seed_does_not_invent_a_number_or_date()
    {
        var metadata = Seed().Metadata;
        Assert.Null(metadata.Number);
        Assert.Null(metadata.Date);
        Assert.Equal(DocumentKind.OfficialText, metadata.Kind);
        Assert.Equal("Lê Quốc Phong", metadata.Signer);
    }

    [Fact]
    public void Every_summary_says_it_is_one_and_lists_its_sources()
    {
        foreach (var file in Directory.EnumerateFiles(TestPaths.Corpus, "*.md").Where(f => !f.EndsWith("kl-tu-nq03.md", StringComparison.Ordinal)))
        {
            var document = CorpusFileParser.Parse(file, File.ReadAllText(file));
            Assert.Equal(DocumentKind.Summary, document.Metadata.Kind);
            Assert.NotEmpty(document.Metadata.Sources);
            Assert.NotNull(document.Metadata.NotCovered);
            Assert.Contains("tóm tắt không chính thức", document.Passages[0].Text, StringComparison.Ordinal);
            Assert.EndsWith("(tóm tắt) · Phần mở đầu, đoạn 1", document.Passages[0].Label, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Broken_front_matter_is_reported_with_its_line()
    {
        const string content = "---\nid: bad-doc\ntype: Quy định\ntitle: [unclosed\nkind: official-text\n---\n\nNội dung.\n";
        var error = Assert.Throws<CorpusFormatException>(() => CorpusFileParser.Parse("/x/bad-doc.md", content));
        Assert.InRange(error.Line, 4, 6);
        Assert.Contains("bad-doc.md, dòng", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\nid: bad-doc\ntype: Quy định\ntitle: [a, b]\nkind: official-text\n---\nx\n", 4, "giá trị của trường “title” không đúng dạng: cần một chuỗi")]
    [InlineData("---\nid: bad-doc\ntype: Quy định\ntitle: T\nkind: official-text\nsources: một nguồn\n---\nx\n", 6, "giá trị của trường “sources” không đúng dạng: cần một danh sách")]
    [InlineData("---\nid: bad-doc\ntype: Quy định\nnguoi_ky: A\ntitle: T\nkind: official-text\n---\nx\n", 4, "trường “nguoi_ky” không có trong phần khai báo; các trường được dùng: id, type,")]
    [InlineData("---\nid: bad-doc\ntype: Quy định\ntitle: \"chưa đóng\nkind: official-text\n---\nx\n", 4, "cú pháp YAML sai ở dòng")]
    [InlineData("---\nid: bad-doc\ntype: Quy định\ntitle: T\nkind: official-text\nstatus:\n  state: in-force\n  ghi_chu: x\n---\nx\n", 8, "trường “ghi_chu” không có")]
    public void A_front_matter_yaml_cannot_read_is_reported_in_vietnamese_naming_the_file_and_line(string content, int line, string expected)
    {
        var error = Assert.Throws<CorpusFormatException>(() => CorpusFileParser.Parse("/x/bad-doc.md", content));
        Assert.Contains($"bad-doc.md, dòng {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        foreach (var english in new[] { "deserializ", "Property", "Expected", "While scanning", "not found", "Exception" })
        {
            Assert.DoesNotContain(english, error.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("---\ntype: Quy định\ntitle: T\nkind: official-text\n---\nx\n", "thiếu trường bắt buộc \"id\"")]
    [InlineData("---\nid: doc\ntype: Thư\ntitle: T\nkind: official-text\n---\nx\n", "loại văn bản")]
    [InlineData("---\nid: doc\ntype: Quy định\ntitle: T\nkind: summary\n---\nx\n", "nguồn")]
    [InlineData("---\nid: doc\ntype: Quy định\ntitle: T\nkind: official-text\ndate: 2/1/2020\n---\nx\n", "yyyy-MM-dd")]
    [InlineData("id: doc\n", "front matter")]
    public void Missing_or_wrong_metadata_gets_a_clear_message(string content, string expected)
    {
        var error = Assert.Throws<CorpusFormatException>(() => CorpusFileParser.Parse("/x/doc.md", content));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_headings_become_citable_sections()
    {
        const string content = "---\nid: demo\ntype: Quy định\ntitle: Demo\nshort_title: QĐ Demo\nkind: official-text\n---\n\n## Điều 2. Nhiệm vụ\n\n- Ý thứ nhất.\n- Ý thứ hai.\n\n## Hiệu lực {#hieu-luc}\n\nCó hiệu lực từ ngày ký.\n";
        var document = CorpusFileParser.Parse("/x/demo.md", content);
        Assert.Equal(["demo/dieu-2.1", "demo/dieu-2.2", "demo/hieu-luc.1"], document.Passages.Select(p => p.Id));
        Assert.Equal("QĐ Demo · Điều 2, ý 2", document.Passages[1].Label);
        Assert.Equal("QĐ Demo · Hiệu lực, đoạn 1", document.Passages[2].Label);
    }

    [Fact]
    public void Articles_clauses_and_points_are_cited_as_a_reader_looks_them_up()
    {
        const string content = "---\nid: demo\ntype: Quy định\ntitle: Demo\nshort_title: Quy định 9-QĐ/TW\nkind: official-text\n---\n\n" +
            "## Chương II. NHIỆM VỤ\n\n### Điều 2. Trách nhiệm của đảng viên\n\n1. Giữ mối liên hệ với chi uỷ nơi cư trú.\n\n" +
            "2. Gương mẫu thực hiện các việc sau:\n\na) Tham gia sinh hoạt hằng năm.\n\nđ) Đóng góp ý kiến khi được hỏi.\n\n" +
            "\\- 3 năm một lần là cách viết, không phải gạch đầu dòng.\n\n### Điều 3. Hiệu lực\n\nCó hiệu lực từ ngày ký.\n";
        var document = CorpusFileParser.Parse("/x/demo.md", content);
        var byId = document.Passages.ToDictionary(p => p.Id);

        Assert.Equal("Quy định 9-QĐ/TW · Điều 2, khoản 1", byId["demo/dieu-2.1"].Label);
        Assert.Equal("Quy định 9-QĐ/TW · Điều 2, khoản 2, điểm a", byId["demo/dieu-2.2.a"].Label);
        Assert.Equal("đ) Đóng góp ý kiến khi được hỏi.", byId["demo/dieu-2.2.dd"].Text);
        Assert.Contains("Chương II. NHIỆM VỤ › Điều 2. Trách nhiệm của đảng viên › 2. Gương mẫu", byId["demo/dieu-2.2.a"].Heading, StringComparison.Ordinal);
        Assert.Contains(document.Passages, p => p.Text == "- 3 năm một lần là cách viết, không phải gạch đầu dòng.");
        Assert.Equal("Quy định 9-QĐ/TW · Điều 3, đoạn 1", byId["demo/dieu-3.1"].Label);
    }

    [Theory]
    [InlineData("TL BAN THƯỜNG VỤ")]
    [InlineData("TUQ. BAN THƯỜNG VỤ")]
    [InlineData("T/M BAN THƯỜNG VỤ")]
    public void Every_signature_marker_the_recogniser_knows_is_read_back_as_the_signature(string marker)
    {
        var content = $"---\nid: demo\ntype: Quyết định\ntitle: Demo\nkind: official-text\n---\n\n## Điều 1.\n\nCó hiệu lực từ ngày ký.\n\n{marker}\nCHÁNH VĂN PHÒNG\nNguyễn Văn A\n";
        var document = CorpusFileParser.Parse("/x/demo.md", content);
        var signature = Assert.Single(document.Passages, p => p.Id == "demo/ky");
        Assert.StartsWith(marker, signature.Text, StringComparison.Ordinal);
    }
}
