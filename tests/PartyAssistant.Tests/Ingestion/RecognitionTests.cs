using System.Text;
using System.Text.Json;
using PartyAssistant.Corpus;
using PartyAssistant.Ingestion;
using PartyAssistant.Text;

namespace PartyAssistant.Tests.Ingestion;

public sealed class RecognitionTests
{
    // A made-up regulation laid out as the Central Committee's regulations are: header table, type line,
    // trích yếu, căn cứ, chapters, articles, clauses, points, recipients and signature.
    private static readonly string[] Regulation =
    [
        "BAN CHẤP HÀNH TRUNG ƯƠNG",
        "*",
        "Số  999 - QĐ/TW",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hà Nội, ngày 15 tháng 3 năm 2024",
        "**QUY ĐỊNH**",
        "**về việc ghi chép sổ tay đảng viên**",
        "**và lưu giữ tài liệu sinh hoạt chi bộ**",
        "-----",
        "- Căn cứ Điều lệ Đảng;",
        "- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư khoá XIII;",
        "- Xét đề nghị của Ban Tổ chức Trung ương,",
        "Bộ Chính trị quy định về việc ghi chép sổ tay đảng viên như sau:",
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
        "1. Quy định này quy định việc ghi chép sổ tay đảng viên và lưu giữ tài liệu sinh hoạt chi bộ.",
        "2. Quy định này áp dụng đối với tổ chức đảng và đảng viên.",
        "Điều  2:  Nguyên tắc",
        "1. Ghi chép trung thực, đầy đủ, kịp thời.",
        "2. Tài liệu sinh hoạt chi bộ được lưu giữ theo Quy định số 888-QĐ/TW của Ban Bí thư.",
        "3. Việc ghi chép bảo đảm các yêu cầu sau:",
        "a) Đúng nội dung đã được chi bộ thông qua;",
        "b) Không ghi những nội dung thuộc bí mật của Đảng.",
        "Chương II TRÁCH NHIỆM VÀ TỔ CHỨC THỰC HIỆN",
        "Điều 3",
        "Trách nhiệm của chi uỷ",
        "Chi uỷ kiểm tra việc ghi chép theo Điều 2 của Quy định này ít nhất mỗi quý một lần.",
        "Điều 4 . Hiệu lực thi hành",
        "Quy định này có hiệu lực từ ngày ký.".Normalize(NormalizationForm.FormD),
        "Nơi nhận:",
        "- Các tỉnh uỷ, thành uỷ,",
        "- Các ban đảng Trung ương,",
        "- Lưu Văn phòng Trung ương Đảng.",
        "T/M BỘ CHÍNH TRỊ",
        "THƯỜNG TRỰC BAN BÍ THƯ",
        "(Đã ký)",
        "NGUYỄN VĂN AN",
    ];

    private static RecognizedDocument Recognize(IEnumerable<string> paragraphs) =>
        OfficialTextRecognizer.Recognize(paragraphs.Select(p => new ExtractedParagraph(p, 1)).ToList());

    private static RecognizedDocument RecognizeSeed() =>
        Recognize(File.ReadAllText(TestPaths.Seed).Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"));

    private static DocumentMetadata ToMetadata(string id, DetectedMetadata detected, IReadOnlyList<StructuredBlock> body) => new()
    {
        Id = id,
        Type = detected.Type!,
        Number = detected.Number,
        Date = detected.Date,
        Issuer = detected.Issuer,
        Signer = detected.Signer,
        Title = detected.Title ?? detected.Type!,
        ShortTitle = detected.Number is null ? detected.Type! : $"{detected.Type} {detected.Number}",
        Kind = DocumentKind.OfficialText,
        Status = new DocumentStatus(DocumentStatus.InForce, null, "2026-01", null),
        References = CorpusMarkdownWriter.ReferencedNumbers(body, detected.Number),
        IngestedFrom = $"{id}.docx",
    };

    private static string Json(DocumentMetadata metadata) => JsonSerializer.Serialize(metadata);

    [Fact]
    public void A_regulation_gives_its_metadata()
    {
        var metadata = Recognize(Regulation).Metadata;
        Assert.Equal("Quy định", metadata.Type);
        Assert.Equal("999-QĐ/TW", metadata.Number);
        Assert.Equal(new DateOnly(2024, 3, 15), metadata.Date);
        Assert.Equal("Hà Nội", metadata.Place);
        Assert.Equal("Bộ Chính trị", metadata.Issuer);
        Assert.Equal("Quy định về việc ghi chép sổ tay đảng viên và lưu giữ tài liệu sinh hoạt chi bộ", metadata.Title);
        Assert.Equal("Nguyễn Văn An", metadata.Signer);
    }

    [Fact]
    public void A_regulation_gives_its_blocks_in_order()
    {
        var body = Recognize(Regulation).Body;
        var expected = new (StructureKind Kind, string? Marker, string Text)[]
        {
            (StructureKind.Bullet, "-", "Căn cứ Điều lệ Đảng;"),
            (StructureKind.Bullet, "-", "Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư khoá XIII;"),
            (StructureKind.Bullet, "-", "Xét đề nghị của Ban Tổ chức Trung ương,"),
            (StructureKind.Paragraph, null, "Bộ Chính trị quy định về việc ghi chép sổ tay đảng viên như sau:"),
            (StructureKind.Chapter, "I", "QUY ĐỊNH CHUNG"),
            (StructureKind.Article, "1", "Phạm vi điều chỉnh và đối tượng áp dụng"),
            (StructureKind.Clause, "1", "Quy định này quy định việc ghi chép sổ tay đảng viên và lưu giữ tài liệu sinh hoạt chi bộ."),
            (StructureKind.Clause, "2", "Quy định này áp dụng đối với tổ chức đảng và đảng viên."),
            (StructureKind.Article, "2", "Nguyên tắc"),
            (StructureKind.Clause, "1", "Ghi chép trung thực, đầy đủ, kịp thời."),
            (StructureKind.Clause, "2", "Tài liệu sinh hoạt chi bộ được lưu giữ theo Quy định số 888-QĐ/TW của Ban Bí thư."),
            (StructureKind.Clause, "3", "Việc ghi chép bảo đảm các yêu cầu sau:"),
            (StructureKind.Point, "a", "Đúng nội dung đã được chi bộ thông qua;"),
            (StructureKind.Point, "b", "Không ghi những nội dung thuộc bí mật của Đảng."),
            (StructureKind.Chapter, "II", "TRÁCH NHIỆM VÀ TỔ CHỨC THỰC HIỆN"),
            (StructureKind.Article, "3", "Trách nhiệm của chi uỷ"),
            (StructureKind.Paragraph, null, "Chi uỷ kiểm tra việc ghi chép theo Điều 2 của Quy định này ít nhất mỗi quý một lần."),
            (StructureKind.Article, "4", "Hiệu lực thi hành"),
            (StructureKind.Paragraph, null, "Quy định này có hiệu lực từ ngày ký."),
            (StructureKind.Recipients, null, "Các tỉnh uỷ, thành uỷ,"),
            (StructureKind.Recipients, null, "Các ban đảng Trung ương,"),
            (StructureKind.Recipients, null, "Lưu Văn phòng Trung ương Đảng."),
            (StructureKind.Signature, "T/M", "T/M BỘ CHÍNH TRỊ\nTHƯỜNG TRỰC BAN BÍ THƯ\n(Đã ký)\nNGUYỄN VĂN AN"),
        };
        Assert.Equal(
            expected.Select(e => $"{e.Kind} [{e.Marker}] {e.Text}"),
            body.Select(b => $"{b.Kind} [{b.Marker}] {b.Text}"));
        Assert.All(body, b => Assert.True(b.Text.IsNormalized(NormalizationForm.FormC)));
    }

    [Theory]
    [InlineData("Số: 01-KL/TW", "01-KL/TW")]
    [InlineData("Số 213-QĐ/TW", "213-QĐ/TW")]
    [InlineData("Số: 45 – HD/BTCTW", "45-HD/BTCTW")]
    public void The_number_is_the_part_after_So(string line, string number)
    {
        var metadata = Recognize(["TỈNH ỦY CÀ MAU", "*", line, "Cà Mau, ngày 2/1/2020", "KẾT LUẬN", "về một việc", "1. Nội dung."]).Metadata;
        Assert.Equal(number, metadata.Number);
        Assert.Equal(new DateOnly(2020, 1, 2), metadata.Date);
        Assert.Equal("Cà Mau", metadata.Place);
        Assert.Equal("Tỉnh ủy Cà Mau", metadata.Issuer);
        Assert.Equal("Kết luận về một việc", metadata.Title);
    }

    [Fact]
    public void A_state_header_and_a_header_on_one_line_are_read()
    {
        var document = Recognize(
        [
            "BỘ NỘI VỤ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 12/2024/TT-BNV Hà Nội, ngày 05 tháng 6 năm 2024",
            "HƯỚNG DẪN",
            "Về việc thử nghiệm",
            "Điều 1: Phạm vi",
            "Hướng dẫn này dùng cho thử nghiệm.",
        ]);
        Assert.Equal("Hướng dẫn", document.Metadata.Type);
        Assert.Equal("12/2024/TT-BNV", document.Metadata.Number);
        Assert.Equal(new DateOnly(2024, 6, 5), document.Metadata.Date);
        Assert.Equal("Bộ Nội vụ", document.Metadata.Issuer);
        Assert.Equal(StructureKind.Article, document.Body[0].Kind);
        Assert.Equal("Phạm vi", document.Body[0].Text);
    }

    [Fact]
    public void Lines_run_together_by_a_pdf_are_read()
    {
        var document = Recognize(
        [
            "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM\n* Hà Nội, ngày 02 tháng 01 năm 2020\nSố 998-QĐ/TW",
            "QUY ĐỊNH\nvề một việc thử nghiệm",
            "Điều 1. Phạm vi. Quy định này dùng cho việc thử nghiệm.\n1. Khoản một.\na) Điểm a;\nb) Điểm b.",
            "Điều 2. Quy định này có hiệu lực từ ngày ký và thay thế các quy định trước đây về cùng một việc.",
            "T/M BAN BÍ THƯ\n(Đã ký)\nTRẦN VĂN BÌNH",
        ]);
        Assert.Equal("998-QĐ/TW", document.Metadata.Number);
        Assert.Equal(new DateOnly(2020, 1, 2), document.Metadata.Date);
        Assert.Equal("Hà Nội", document.Metadata.Place);
        Assert.Equal("Ban Bí thư", document.Metadata.Issuer);
        Assert.Equal("Quy định về một việc thử nghiệm", document.Metadata.Title);
        Assert.Equal("Trần Văn Bình", document.Metadata.Signer);
        Assert.Equal(
            ["Article 1 Phạm vi", "Paragraph  Quy định này dùng cho việc thử nghiệm.", "Clause 1 Khoản một.", "Point a Điểm a;", "Point b Điểm b.",
             "Article 2 ", "Paragraph  Quy định này có hiệu lực từ ngày ký và thay thế các quy định trước đây về cùng một việc.",
             "Signature T/M T/M BAN BÍ THƯ\n(Đã ký)\nTRẦN VĂN BÌNH"],
            document.Body.Select(b => $"{b.Kind} {b.Marker} {b.Text}"));
    }

    [Fact]
    public void The_seed_is_a_conclusion_in_Roman_parts()
    {
        var document = RecognizeSeed();
        var metadata = document.Metadata;
        Assert.Equal("Kết luận", metadata.Type);
        Assert.Null(metadata.Number);
        Assert.Null(metadata.Date);
        Assert.Equal("Lê Quốc Phong", metadata.Signer);
        Assert.Equal("Ban Chấp hành Đảng bộ Tỉnh khoá XI", metadata.Issuer);
        Assert.Equal(
            "Kết luận của Ban Chấp hành Đảng bộ Tỉnh khoá XI về tiếp tục thực hiện Nghị quyết số 03-NQ/TU của Ban Chấp hành Đảng bộ Tỉnh khoá X về nâng cao chất lượng hoạt động đảng bộ xã, phường, thị trấn",
            metadata.Title);

        var body = document.Body;
        Assert.Equal(["I", "II", "III"], body.Where(b => b.Kind == StructureKind.RomanPart).Select(b => b.Marker));
        Assert.StartsWith("KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 03-NQ/TU CỦA BAN CHẤP HÀNH", body[0].Text, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3", "4", "5", "1", "2", "3", "4", "5", "6"], body.Where(b => b.Kind == StructureKind.Clause).Select(b => b.Marker));
        Assert.Equal(16, body.Count(b => b.Kind == StructureKind.Bullet));
        Assert.Equal(3, body.Count(b => b.Kind == StructureKind.Paragraph));
        Assert.Equal(12, body.Count(b => b.Kind == StructureKind.Recipients));
        Assert.Equal("Ban Bí thư Trung ương (báo cáo),", body.First(b => b.Kind == StructureKind.Recipients).Text);
        Assert.DoesNotContain(body, b => b.Kind is StructureKind.Article or StructureKind.Point or StructureKind.Chapter);

        var signature = Assert.Single(body, b => b.Kind == StructureKind.Signature);
        Assert.Equal("T/M TỈNH ỦY\nBÍ THƯ\n(Đã ký)\nLê Quốc Phong", signature.Text);
        Assert.Same(signature, body[^1]);

        // The paragraph cut by a page break is joined again.
        Assert.Contains(body, b => b.Kind == StructureKind.Bullet && b.Text.Contains("Cấp uỷ phải thực hiện việc tiếp dân định kỳ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_seed_cites_six_other_documents()
    {
        var body = RecognizeSeed().Body;
        Assert.Equal(["03-NQ/TU", "38-KL/TW", "22-NQ/TW", "01-KL/TW", "05-CT/TW", "213-QĐ/TW"], CorpusMarkdownWriter.ReferencedNumbers(body));
        Assert.DoesNotContain("213-QĐ/TW", CorpusMarkdownWriter.ReferencedNumbers(body, "213 - QĐ/TW"));
    }

    [Fact]
    public void A_reference_to_an_article_is_not_a_heading()
    {
        var body = Recognize(
        [
            "QUY ĐỊNH",
            "về thử nghiệm",
            "Điều 1. Thi hành",
            "1. Đảng viên thực hiện theo Điều 5 của Quy định này.",
            "Điều 5 của Quy định này áp dụng cho mọi chi bộ.",
            "Việc xử lý theo Điều 5 của Quy định này.",
        ]).Body;
        Assert.Equal(
            [StructureKind.Article, StructureKind.Clause, StructureKind.Paragraph, StructureKind.Paragraph],
            body.Select(b => b.Kind));
        Assert.Equal("Điều 5 của Quy định này áp dụng cho mọi chi bộ.", body[2].Text);
    }

    [Fact]
    public void Capitals_at_the_top_without_a_header_stay_in_the_body()
    {
        var document = Recognize(["BỘ CHÍNH TRỊ LƯU Ý", "I- PHẦN MỘT CỦA", "VĂN BẢN THỬ", "Nội dung."]);
        Assert.Null(document.Metadata.Issuer);
        Assert.Null(document.Metadata.Type);
        Assert.Equal(
            ["Paragraph BỘ CHÍNH TRỊ LƯU Ý", "RomanPart PHẦN MỘT CỦA VĂN BẢN THỬ", "Paragraph Nội dung."],
            document.Body.Select(b => $"{b.Kind} {b.Text}"));
    }

    [Fact]
    public void A_roman_line_in_a_document_with_articles_is_a_paragraph()
    {
        var body = Recognize(["QUY ĐỊNH", "về thử nghiệm", "Điều 1. Thi hành", "I. Một dòng lạ.", "1. Một khoản."]).Body;
        Assert.Equal([StructureKind.Article, StructureKind.Paragraph, StructureKind.Clause], body.Select(b => b.Kind));
    }

    [Fact]
    public void The_writer_escapes_paragraphs_that_look_like_structure()
    {
        var body = new List<StructuredBlock>
        {
            new(StructureKind.Article, "Thử nghiệm", "1"),
            new(StructureKind.Paragraph, "- không phải gạch đầu dòng"),
            new(StructureKind.Paragraph, "1. không phải khoản"),
            new(StructureKind.Paragraph, "a) không phải điểm"),
            new(StructureKind.Paragraph, "II. không phải phần"),
            new(StructureKind.Paragraph, "Nơi nhận thư là chi bộ."),
            new(StructureKind.Paragraph, "T/M CHI BỘ là cách ký."),
            new(StructureKind.Paragraph, "# không phải tiêu đề"),
            new(StructureKind.Paragraph, "Đoạn thường."),
        };
        var markdown = CorpusMarkdownWriter.Write(Metadata("tn-1"), body);
        Assert.Contains("\n\\- không phải gạch đầu dòng\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n\\1. không phải khoản\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\nĐoạn thường.\n", markdown, StringComparison.Ordinal);

        var document = CorpusFileParser.Parse("/x/tn-1.md", markdown);
        var passages = document.Passages.Where(p => p.SectionPath == "dieu-1").ToList();
        Assert.Equal(8, passages.Count);
        Assert.DoesNotContain(document.Passages, p => p.Id.EndsWith("/ky", StringComparison.Ordinal) || p.Id.EndsWith("/noi-nhan", StringComparison.Ordinal));
        Assert.All(passages, p => Assert.Contains("đoạn", p.Label, StringComparison.Ordinal));
        Assert.EndsWith("- không phải gạch đầu dòng", passages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_nest_by_the_containers_open_above_them()
    {
        var body = new List<StructuredBlock>
        {
            new(StructureKind.Part, "NHỮNG VẤN ĐỀ CHUNG", "thứ nhất"),
            new(StructureKind.Chapter, "QUY ĐỊNH CHUNG", "I"),
            new(StructureKind.Section, "Nguyên tắc", "1"),
            new(StructureKind.Article, "Phạm vi", "1"),
            new(StructureKind.Clause, "Khoản một.", "1"),
            new(StructureKind.Point, "Điểm a.", "a"),
            new(StructureKind.Chapter, "TỔ CHỨC THỰC HIỆN", "II"),
            new(StructureKind.Article, "Hiệu lực.", "2"),
            new(StructureKind.Paragraph, "Có hiệu lực từ ngày ký."),
        };
        var markdown = CorpusMarkdownWriter.Write(Metadata("tn-2"), body);
        Assert.Contains("\n## Phần thứ nhất. NHỮNG VẤN ĐỀ CHUNG {#phan-1}\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n### Chương I. QUY ĐỊNH CHUNG\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n#### Mục 1. Nguyên tắc\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n##### Điều 1. Phạm vi\n\n1. Khoản một.\n\na) Điểm a.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n### Chương II. TỔ CHỨC THỰC HIỆN\n\n#### Điều 2. Hiệu lực\n", markdown, StringComparison.Ordinal);

        var document = CorpusFileParser.Parse("/x/tn-2.md", markdown);
        Assert.Contains(document.Sections, s => s.Path == "phan-1");
        Assert.Contains(document.Passages, p => p.Id.StartsWith("tn-2/dieu-2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_recognised_regulation_round_trips_through_the_corpus_parser()
    {
        var recognized = Recognize(Regulation);
        var metadata = ToMetadata("qd-999", recognized.Metadata, recognized.Body);
        Assert.Equal(["888-QĐ/TW"], metadata.References);

        var markdown = CorpusMarkdownWriter.Write(metadata, recognized.Body);
        var document = CorpusFileParser.Parse("/x/qd-999.md", markdown);
        Assert.Equal(Json(metadata), Json(document.Metadata));
        Assert.NotEmpty(document.Passages);
        Assert.Contains(document.Passages, p => p.Id.Contains("dieu-", StringComparison.Ordinal));
        Assert.Contains(document.Passages, p => p.Id == "qd-999/ky" && p.Text.EndsWith("(Đã ký) NGUYỄN VĂN AN", StringComparison.Ordinal));
        Assert.Contains(document.Passages, p => p.Id == "qd-999/noi-nhan" && p.Text.Contains("Các ban đảng Trung ương", StringComparison.Ordinal));
        Assert.Contains("\n## Chương I. QUY ĐỊNH CHUNG\n\n### Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\nNơi nhận:\n- Các tỉnh uỷ, thành uỷ,\n- Các ban đảng Trung ương,\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_round_trips_word_for_word()
    {
        var recognized = RecognizeSeed();
        var metadata = ToMetadata("kl-seed", recognized.Metadata, recognized.Body);
        var document = CorpusFileParser.Parse("/x/kl-seed.md", CorpusMarkdownWriter.Write(metadata, recognized.Body));
        Assert.Equal(Json(metadata), Json(document.Metadata));
        Assert.Contains(document.Passages, p => p.Id == "kl-seed/II.3.4");
        Assert.Contains(document.Passages, p => p.Id == "kl-seed/ky");
        Assert.Contains(document.Passages, p => p.Id == "kl-seed/noi-nhan");

        var all = VietnameseText.MatchKey(string.Join(' ', document.Passages.Select(p => p.Text).Concat(document.Sections.Select(s => s.Heading)).Append(metadata.Title)));
        var paragraphs = File.ReadAllText(TestPaths.Seed).Split("\n\n").Select(VietnameseText.MatchKey).Where(p => p.Length > 0).ToList();
        var missing = paragraphs.Where(p => !all.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Front_matter_values_with_colons_quotes_and_hashes_round_trip()
    {
        var metadata = Metadata("tn-3") with
        {
            Title = "Quy định: về \"trách nhiệm\" của đảng viên # số 1 — 'thử'",
            Issuer = "- Ban Tổ chức: Trung ương",
            Signer = "null",
            Number = "123",
            ShortTitle = "Quy định #1: thử",
            Status = new DocumentStatus(DocumentStatus.Replaced, "qd-1000", "2026-01", "Ghi chú: có dấu \\ và \"ngoặc\"\nvà xuống dòng."),
            References = ["213-QĐ/TW", "kl-01", "[x]", "a: b"],
            Replaces = ["qd-76"],
            SummaryOf = "qd-213-tom-tat",
            IngestedFrom = "Quy định 213 (bản ký).pdf",
            Sources = ["https://example.org/a?b=c#d"],
            NotCovered = "true",
            Date = new DateOnly(2020, 1, 2),
        };
        var markdown = CorpusMarkdownWriter.Write(metadata, [new StructuredBlock(StructureKind.Paragraph, "Nội dung.")]);
        var document = CorpusFileParser.Parse("/x/tn-3.md", markdown);
        Assert.Equal(Json(metadata), Json(document.Metadata));
        Assert.Contains("\ndate: 2020-01-02\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\nreplaces:\n  - qd-76\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_fields_are_left_out()
    {
        var markdown = CorpusMarkdownWriter.Write(Metadata("tn-4"), [new StructuredBlock(StructureKind.Paragraph, "Nội dung.")]);
        Assert.DoesNotContain("number:", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("references:", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("replaced_by:", markdown, StringComparison.Ordinal);
        Assert.StartsWith("---\nid: tn-4\ntype: Quy định\n", markdown, StringComparison.Ordinal);
    }

    /// <summary>
    /// Depends on the lead's parser change (khoản/điểm labels, leading backslash dropped); expected to
    /// fail on the ingest-recognize branch until that change is merged.
    /// </summary>
    [Fact]
    public void Labels_follow_article_and_clause()
    {
        var body = new List<StructuredBlock>
        {
            new(StructureKind.Article, "Phạm vi", "1"),
            new(StructureKind.Paragraph, "Quy định này áp dụng cho chi bộ."),
            new(StructureKind.Article, "Nhiệm vụ", "2"),
            new(StructureKind.Clause, "Đảng viên học tập nghị quyết.", "1"),
            new(StructureKind.Clause, "Đảng viên giữ mối liên hệ.", "2"),
            new(StructureKind.Clause, "Đảng viên thực hiện các việc sau:", "3"),
            new(StructureKind.Point, "Gương mẫu nơi cư trú;", "a"),
            new(StructureKind.Point, "Tham gia sinh hoạt.", "b"),
            new(StructureKind.Paragraph, "- không phải gạch đầu dòng"),
        };
        var metadata = Metadata("qd-999") with { Number = "999-QĐ/TW", ShortTitle = "Quy định 999-QĐ/TW" };
        var document = CorpusFileParser.Parse("/x/qd-999.md", CorpusMarkdownWriter.Write(metadata, body));
        var labels = document.Passages.Select(p => p.Label).ToList();

        // Exact labels: these need the lead's parser change.
        Assert.Contains("Quy định 999-QĐ/TW · Điều 2, khoản 1", labels);
        Assert.Contains("Quy định 999-QĐ/TW · Điều 2, khoản 3", labels);
        Assert.Contains("Quy định 999-QĐ/TW · Điều 2, khoản 3, điểm a", labels);
        Assert.Contains("Quy định 999-QĐ/TW · Điều 2, khoản 3, điểm b", labels);
        Assert.Contains(document.Passages, p => p.Text == "- không phải gạch đầu dòng");
    }

    private static DocumentMetadata Metadata(string id) => new()
    {
        Id = id,
        Type = "Quy định",
        Title = "Quy định thử nghiệm",
        ShortTitle = "Quy định thử nghiệm",
        Kind = DocumentKind.OfficialText,
        Status = new DocumentStatus(DocumentStatus.InForce, null, null, null),
    };
}

public sealed class ScanRecognitionTests
{
    [Fact]
    public void A_place_and_date_line_wrapped_by_its_column_is_joined_and_the_type_line_split_from_the_trich_yeu()
    {
        var paragraphs = new[]
        {
            "ĐẢNG UỶ XÃ AN PHÚ", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 27-QĐ/ĐU", "An Phú, ngày 15 tháng 3 năm", "2026",
            "QUY ĐỊNH về chế độ sinh hoạt của chi bộ ấp", "Điều 1. Phạm vi", "1. Quy định này áp dụng cho chi bộ ấp.",
        }.Select(p => new ExtractedParagraph(p, 1)).ToList();

        var recognized = OfficialTextRecognizer.Recognize(paragraphs);

        Assert.Equal(new DateOnly(2026, 3, 15), recognized.Metadata.Date);
        Assert.Equal("Quy định", recognized.Metadata.Type);
        Assert.Equal("Quy định về chế độ sinh hoạt của chi bộ ấp", recognized.Metadata.Title);
        Assert.Equal(StructureKind.Article, recognized.Body[0].Kind);
    }

    [Fact]
    public void A_scanned_header_gets_back_the_marks_of_its_issuer_and_OCR_misreadings_are_corrected()
    {
        var paragraphs = new[]
        {
            "ĐANG UY XA AN PHU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 27-QĐ/ĐU", "An Phú, ngày 15 tháng 3 năm 2026",
            "QUY ĐỊNH", "về chế độ sinh hoạt của chi bộ ấp", "Điều 1. Phạm vi", "1. Quy định này áp dụng cho chi bộ ấp.",
        }.Select(p => new ExtractedParagraph(p, 1)).ToList();

        Assert.Equal("Đảng uỷ xã An Phú", OfficialTextRecognizer.Recognize(paragraphs, fromScan: true).Metadata.Issuer);
        Assert.NotEqual("Đảng uỷ xã An Phú", OfficialTextRecognizer.Recognize(paragraphs).Metadata.Issuer);
        Assert.Equal("Chi bộ họp; bí thư chi bộ gửi trước, chỉ bộ phận văn phòng", OcrRepairs.Correct("Chỉ bộ họp; bí thư chỉ bộ gửi trước, chỉ bộ phận văn phòng"));
        Assert.Equal("Số 27-QĐ/ĐU", OcrRepairs.Correct("Số 27-QĐ/ĐĐU"));
    }
}
