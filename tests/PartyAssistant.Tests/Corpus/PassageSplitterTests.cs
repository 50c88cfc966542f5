using PartyAssistant.Corpus;

namespace PartyAssistant.Tests.Corpus;

public sealed class PassageSplitterTests
{
    private const string Sentence = "Chi bộ phải tổ chức sinh hoạt chuyên đề ít nhất mỗi quý một lần.";

    [Fact]
    public void Pieces_end_at_sentence_ends_and_keep_the_text_word_for_word()
    {
        var text = string.Join(' ', Enumerable.Range(1, 300).Select(i => $"{Sentence} Đây là câu thứ {i}."));

        var pieces = PassageSplitter.Pieces(text, 1_000);

        Assert.True(pieces.Count >= text.Length / 1_000);
        Assert.All(pieces, p =>
        {
            Assert.InRange(p.Length, 1, 1_000);
            Assert.EndsWith(".", p, StringComparison.Ordinal);
            Assert.Contains(p, text, StringComparison.Ordinal);
        });
        Assert.Equal(text, string.Join(' ', pieces));
    }

    [Fact]
    public void A_sentence_longer_than_the_cap_is_cut_between_words_and_a_run_without_spaces_at_the_cap()
    {
        var words = string.Join(' ', Enumerable.Repeat("đảng viên", 500)) + ".";
        var wordPieces = PassageSplitter.Pieces(words, 300);
        Assert.All(wordPieces, p => Assert.InRange(p.Length, 1, 300));
        Assert.All(wordPieces, p => Assert.False(p.StartsWith(' ') || p.EndsWith(' ')));
        Assert.Equal(words, string.Join(' ', wordPieces));

        // "𝐀" is a surrogate pair: a cut must not fall between its halves.
        var unbroken = string.Concat(Enumerable.Repeat("a𝐀", 400));
        var runPieces = PassageSplitter.Pieces(unbroken, 300);
        Assert.All(runPieces, p => Assert.InRange(p.Length, 1, 300));
        Assert.All(runPieces, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(unbroken, string.Concat(runPieces));
    }

    [Fact]
    public void Only_the_long_passage_changes_and_its_first_piece_keeps_its_id()
    {
        var longText = string.Join(' ', Enumerable.Repeat(Sentence, 150));
        var normal = Parse("Đoạn ngắn.");
        var withLong = Parse(longText);

        var pieces = withLong.Passages.Where(p => p.SectionPath == "dieu-2").ToList();
        Assert.True(pieces.Count >= 3, $"{pieces.Count} pieces");
        Assert.All(pieces, p => Assert.InRange(p.Text.Length, 1, PassageSplitter.MaxChars));
        Assert.Equal(longText, string.Join(' ', pieces.Select(p => p.Text)));
        Assert.Equal("vb-thu/dieu-2.1", pieces[0].Id);
        Assert.Equal("vb-thu/dieu-2.1.tiep-2", pieces[1].Id);
        Assert.Equal($"Quy chế thử · Điều 2, đoạn 1 (tiếp, 2/{pieces.Count})", pieces[1].Label);
        Assert.Equal(Enumerable.Range(0, withLong.Passages.Count), withLong.Passages.Select(p => p.Order));

        // Every other passage is as it was, id and text.
        var others = withLong.Passages.Where(p => p.SectionPath != "dieu-2").Select(p => (p.Id, p.Text, p.Label));
        Assert.Equal(normal.Passages.Where(p => p.SectionPath != "dieu-2").Select(p => (p.Id, p.Text, p.Label)), others);
    }

    [Fact]
    public void No_passage_of_the_shipped_corpus_is_split()
    {
        foreach (var file in Directory.EnumerateFiles(TestPaths.Corpus, "*.md"))
        {
            var document = CorpusFileParser.Parse(file, File.ReadAllText(file));
            Assert.DoesNotContain(document.Passages, p => p.Id.Contains(".tiep-", StringComparison.Ordinal));
            Assert.All(document.Passages, p => Assert.True(p.Text.Length <= PassageSplitter.MaxChars / 2, p.Id));
        }
    }

    private static CorpusDocument Parse(string secondArticle) => CorpusFileParser.Parse("vb-thu.md", $"""
        ---
        id: vb-thu
        type: Quy định
        title: Quy chế thử
        short_title: Quy chế thử
        kind: official-text
        status:
          state: in-force
        ---

        ## Điều 1. Phạm vi

        Quy chế này áp dụng cho chi bộ.

        ## Điều 2. Sinh hoạt

        {secondArticle}

        ## Điều 3. Hiệu lực

        Quy chế có hiệu lực từ ngày ký.
        """);
}
