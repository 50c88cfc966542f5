using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PartyAssistant.Documents;
using PartyAssistant.Quizzes;

namespace PartyAssistant.Tests.Quizzes;

public sealed class QuizDocxTests(ShippedCorpusDocuments fixture) : IClassFixture<ShippedCorpusDocuments>
{
    [Fact]
    public void The_handout_reads_back_with_questions_a_page_break_and_the_answer_key_in_vietnamese()
    {
        var quiz = new QuizGenerator().Generate(fixture.Corpus, new QuizRequest("kl-tu-nq03", Count: 10));
        using var stream = new MemoryStream();
        QuizDocxWriter.Build(quiz).Save(stream);

        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        var texts = paragraphs.Select(p => p.InnerText).ToList();

        Assert.Equal("Câu hỏi ôn tập: Kết luận Tỉnh uỷ về tiếp tục thực hiện Nghị quyết 03-NQ/TU", texts[0]);
        Assert.Equal("Title", paragraphs[0].ParagraphProperties?.ParagraphStyleId?.Val?.Value);
        var pageBreak = paragraphs.FindIndex(p => p.Descendants<Break>().Any(b => b.Type?.Value == BreakValues.Page));
        var key = texts.IndexOf("Đáp án");
        Assert.True(pageBreak > 0 && key == pageBreak + 1, "the answer key starts on a new page");
        for (var i = 0; i < quiz.Items.Count; i++)
        {
            var item = quiz.Items[i];
            var question = texts.IndexOf($"{i + 1}. {QuizText.QuestionLine(item)}");
            Assert.InRange(question, 1, pageBreak - 1);
            for (var c = 0; c < item.Choices.Count; c++)
            {
                Assert.Equal($"{QuizItem.Letter(c)}. {item.Choices[c]}", texts[question + 1 + c]);
            }

            Assert.Contains($"{i + 1}. {QuizText.AnswerLine(item)}", texts.Skip(key));
            Assert.Contains($"Trích: “{item.Quote}”", texts.Skip(key));
        }

        // Every run names a font with Vietnamese glyphs, and so do the document defaults.
        Assert.All(body.Descendants<Run>().Where(r => r.InnerText.Length > 0),
            r => Assert.Equal(WordDocumentBuilder.DefaultFont, r.RunProperties?.RunFonts?.Ascii?.Value));
        var defaults = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal(WordDocumentBuilder.DefaultFont, defaults.HighAnsi?.Value);

        // Vietnamese, so Word checks spelling as Vietnamese: in the defaults and in the Normal style every paragraph uses.
        var styles = document.MainDocumentPart.StyleDefinitionsPart.Styles;
        Assert.Equal("vi-VN", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()?.Val?.Value);
        var normal = styles.Elements<Style>().Single(s => s.StyleId == "Normal");
        Assert.Equal("vi-VN", normal.StyleRunProperties?.GetFirstChild<Languages>()?.Val?.Value);
    }

    [Fact]
    public void The_builder_writes_headings_bullets_and_numbered_items_that_read_back_exactly()
    {
        using var stream = new MemoryStream();
        new WordDocumentBuilder()
            .Title("Đề cương sinh hoạt chuyên đề")
            .Heading(2, "Mục II.3 — Nâng cao chất lượng đội ngũ")
            .Paragraph("Hằng năm, 100% chi uỷ được bồi dưỡng; “tự diễn biến”, “tự chuyển hoá”.")
            .Bullet("Đảng uỷ xã, phường, thị trấn")
            .NumberedItem(3, "Bí thư chi bộ ấp, khóm không quá 40 tuổi")
            .Save(stream);

        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        Assert.Equal(
            ["Đề cương sinh hoạt chuyên đề", "Mục II.3 — Nâng cao chất lượng đội ngũ", "Hằng năm, 100% chi uỷ được bồi dưỡng; “tự diễn biến”, “tự chuyển hoá”.",
             "• Đảng uỷ xã, phường, thị trấn", "3. Bí thư chi bộ ấp, khóm không quá 40 tuổi"],
            paragraphs.Select(p => p.InnerText));
        Assert.Equal("Heading2", paragraphs[1].ParagraphProperties?.ParagraphStyleId?.Val?.Value);
        Assert.Contains(document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>(), s => s.StyleId == "Heading2");
    }
}
