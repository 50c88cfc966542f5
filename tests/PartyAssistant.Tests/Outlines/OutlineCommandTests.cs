using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PartyAssistant.Documents;
using PartyAssistant.Outlines;
using PartyAssistant.Quizzes;
using PartyAssistant.Tests.Cli;
using PartyAssistant.Tests.Quizzes;

namespace PartyAssistant.Tests.Outlines;

public sealed class OutlineCommandTests(ShippedCorpusDocuments fixture) : IClassFixture<ShippedCorpusDocuments>, IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    private string Data => Path.Combine(this.temp.Path, "data");

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(TestPaths.Corpus, this.Data, args);

    [Fact]
    public async Task The_word_outline_of_the_seed_reads_back_with_its_headings_cited_key_points_and_quiz()
    {
        var path = Path.Combine(this.temp.Path, "buoi-sinh-hoat.docx");
        var result = await this.Run("outline", "--doc", "kl-tu-nq03", "--minutes", "45", "--format", "docx", "--output", path);
        Assert.True(result.ExitCode == 0, result.Diagnostics);
        Assert.Contains("Đã ghi dàn ý 3 phần", result.Diagnostics, StringComparison.Ordinal);

        using var document = WordprocessingDocument.Open(path, false);
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        var texts = paragraphs.Select(p => p.InnerText).ToList();
        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

        Assert.StartsWith("Dàn ý buổi sinh hoạt: Kết luận của Ban Chấp hành Đảng bộ Tỉnh khoá XI", texts[0], StringComparison.Ordinal);
        Assert.Equal("Title", Style(paragraphs[0]));
        Assert.Equal("Kết luận · Số: (không ghi) · Ngày: (không ghi) · Ban Chấp hành Đảng bộ Tỉnh khoá XI · Tình trạng: đang có hiệu lực (tính đến 2026-01)", texts[1]);

        var headings = paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText).ToList();
        var parts = headings.Where(h => h.StartsWith('I')).ToList();
        Assert.Equal(3, parts.Count);
        Assert.StartsWith("I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 03-NQ/TU", parts[0], StringComparison.Ordinal);
        Assert.Matches(@"^II\. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI \(\d+ phút\)$", parts[1]);
        Assert.Matches(@"^III\. TỔ CHỨC THỰC HIỆN \(\d+ phút\)$", parts[2]);
        Assert.Equal(
            ["Kế hoạch thời gian", "Giới thiệu", "I.", "II.", "III.", "Số liệu và mốc thời gian cần nhớ", "Câu hỏi thảo luận", "Kiểm tra nhanh", "Đáp án"],
            headings.Select(h => h.StartsWith('I') ? h.Split(' ')[0] : h.Split(" (")[0]));
        Assert.Contains(paragraphs, p => Style(p) == "Heading2" && p.InnerText.StartsWith("3. Nâng cao chất lượng đội ngũ cán bộ, đảng viên", StringComparison.Ordinal));

        // A cited key point, word for word, as a bullet under its part.
        const string keyPoint = "• Phần đầu đến năm 2025, tỷ lệ bí thư chi bộ đồng thời là trưởng ấp, khóm không quá 40 tuổi đạt tỷ lệ 50%. [Mục II.3, ý 3]";
        var at = texts.IndexOf(keyPoint);
        Assert.InRange(at, texts.IndexOf(parts[1]) + 1, texts.IndexOf(parts[2]) - 1);
        Assert.Contains(texts, t => t.StartsWith("• Hàng năm; trên 95%: Hàng năm, đảng bộ xã, phường, thị trấn", StringComparison.Ordinal) && t.EndsWith("[Mục II.1, ý 1]", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("vào cuối năm 2022", StringComparison.Ordinal) && t.EndsWith("[Mục III, điểm 5]", StringComparison.Ordinal));

        // The quiz: the generator's five questions, then the answer key on a page of its own.
        var quiz = new QuizGenerator().Generate(fixture.Corpus, new QuizRequest("kl-tu-nq03", Count: OutlineQuiz.Questions));
        var quizAt = texts.FindIndex(t => t.StartsWith("Kiểm tra nhanh", StringComparison.Ordinal));
        var keyAt = texts.IndexOf("Đáp án");
        Assert.True(paragraphs[keyAt - 1].Descendants<Break>().Any(b => b.Type?.Value == BreakValues.Page), "the answer key starts on a new page");
        for (var i = 0; i < quiz.Items.Count; i++)
        {
            Assert.InRange(texts.IndexOf($"{i + 1}. {QuizText.QuestionLine(quiz.Items[i])}"), quizAt + 1, keyAt - 1);
            Assert.Contains(texts.Skip(keyAt), t => t.StartsWith($"{i + 1}. ", StringComparison.Ordinal) && t.Contains($"“{quiz.Items[i].Quote}”", StringComparison.Ordinal));
            Assert.Contains($"{i + 1}. {QuizText.AnswerLine(quiz.Items[i], QuizCitationStyle.ShortLabel)}", texts.Skip(keyAt));
        }

        // Vietnamese survives: NFC text in a font with Vietnamese glyphs.
        Assert.All(texts, t => Assert.True(t.IsNormalized(NormalizationForm.FormC)));
        Assert.All(body.Descendants<Run>().Where(r => r.InnerText.Length > 0),
            r => Assert.Equal(WordDocumentBuilder.DefaultFont, r.RunProperties?.RunFonts?.HighAnsi?.Value));
    }

    [Fact]
    public async Task The_markdown_outline_goes_to_stdout_in_the_document_order()
    {
        var result = await this.Run("outline", "--doc", "kl-tu-nq03", "--format", "md");
        Assert.True(result.ExitCode == 0, result.Diagnostics);
        var md = result.Output;

        Assert.StartsWith("# Dàn ý buổi sinh hoạt: Kết luận của Ban Chấp hành Đảng bộ Tỉnh khoá XI", md, StringComparison.Ordinal);
        Assert.Empty(result.Console);
        string[] order =
        [
            "## Kế hoạch thời gian", "| Nội dung | Thời gian |", "| **Tổng** | **45 phút** |", "## Giới thiệu (", "## I. KẾT QUẢ", "## II. NHIỆM VỤ",
            "### 1. Nâng cao nhận thức", "## III. TỔ CHỨC THỰC HIỆN", "## Số liệu và mốc thời gian cần nhớ", "| Số liệu, mốc | Câu trong văn bản | Nguồn |",
            "## Câu hỏi thảo luận (", "## Kiểm tra nhanh (", "### Đáp án",
        ];
        var positions = order.Select(o => md.IndexOf(o, StringComparison.Ordinal)).ToList();
        Assert.All(positions.Zip(order), p => Assert.True(p.First >= 0, $"missing {p.Second}"));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("- Hàng năm, đảng bộ xã, phường, thị trấn được xếp loại chất lượng \"Hoàn thành tốt nhiệm vụ\" trở lên đạt trên 95%. [Mục II.1, ý 1] (`kl-tu-nq03/II.1.1`)\n", md, StringComparison.Ordinal);
        Assert.Contains("| Định kỳ hàng năm; vào cuối năm 2022; vào giữa năm 2024 | ", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_get_a_vietnamese_message_and_exit_code_1_or_2_for_a_wrong_option()
    {
        var unknown = await this.Run("outline", "--doc", "nq-99", "--format", "md");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Không có văn bản mang mã \"nq-99\". Các mã hợp lệ: ct-05, hd-33-btctw, kl-01, kl-38, kl-tu-nq03", unknown.Diagnostics, StringComparison.Ordinal);
        Assert.Empty(unknown.Output);

        var tooShort = await this.Run("outline", "--doc", "kl-tu-nq03", "--minutes", "10", "--format", "md");
        Assert.Equal(2, tooShort.ExitCode);
        Assert.Contains("Thời lượng buổi sinh hoạt phải từ 15 đến 240 phút (đã nhập 10).", tooShort.Diagnostics, StringComparison.Ordinal);

        var badFormat = await this.Run("outline", "--doc", "kl-tu-nq03", "--format", "pdf");
        Assert.Equal(2, badFormat.ExitCode);
        Assert.Contains("--format md hoặc --format docx", badFormat.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_file_is_kept_unless_overwrite_is_given()
    {
        var path = Path.Combine(this.temp.Path, "outline-kl-tu-nq03.docx");
        await File.WriteAllTextAsync(path, "bản của tôi");

        var refused = await this.Run("outline", "--doc", "kl-tu-nq03", "--output", path);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"tệp \"{path}\" đã có. Thêm --overwrite để ghi đè", refused.Diagnostics, StringComparison.Ordinal);
        Assert.Equal("bản của tôi", await File.ReadAllTextAsync(path));

        var written = await this.Run("outline", "--doc", "kl-tu-nq03", "--output", path, "--overwrite");
        Assert.True(written.ExitCode == 0, written.Diagnostics);
        using var document = WordprocessingDocument.Open(path, false);
        Assert.Contains("Dàn ý buổi sinh hoạt", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }
}
