using System.Text.RegularExpressions;
using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Quizzes;

/// <summary>A sentence of a passage that can carry a question, with the facts it states (positions in <paramref name="Text"/>).</summary>
public sealed record QuizSentence(Passage Passage, int Index, string Text, IReadOnlyList<Fact> Facts)
{
    /// <summary>Whether the sentence opens the way a sentence does, so a fact at position 0 is capitalised only for that reason.</summary>
    public bool StartsAt(Fact fact) => fact.Start == 0;
}

/// <summary>
/// Which sentences are quiz material: finished body sentences (ending with ".", "!" or "?") of a
/// reasonable length that state a fact. Titles, headings, recipients, signatures and a summary's
/// notes on its sources test nothing a member must know.
/// </summary>
public static partial class QuizSentences
{
    private const int MinLength = 40;

    // Longer sentences make questions nobody reads to the end on a phone; the seed's longest useful
    // one (II.1, "Nâng cao sức chiến đấu…", two documents cited) is 522.
    private const int MaxLength = 600;

    public static IEnumerable<QuizSentence> Of(CorpusDocument document) =>
        document.Passages.Where(p => IsMaterial(document, p)).SelectMany(p => Of(document, p));

    public static IEnumerable<QuizSentence> Of(CorpusDocument document, Passage passage) =>
        document.Metadata.IsSummary ? Of(passage).Where(s => !AboutTheSources().IsMatch(s.Text)) : Of(passage);

    public static IEnumerable<QuizSentence> Of(Passage passage)
    {
        var text = VietnameseText.Normalize(passage.Text);
        var index = 0;
        foreach (var raw in SentenceSplitter.Split(text))
        {
            // "1. Các cấp uỷ…": the item number is the passage's place, not part of what it says.
            var sentence = ListMarker.Strip(raw);
            var position = index++;
            if (sentence.Length is < MinLength or > MaxLength || !PassageHeadings.EndsSentence(sentence) || !text.Contains(sentence, StringComparison.Ordinal) || IsShouted(sentence))
            {
                continue;
            }

            var facts = FactExtractor.Extract(sentence);
            if (facts.Count > 0)
            {
                yield return new QuizSentence(passage, position, sentence, facts);
            }
        }
    }

    /// <summary>Body passages only: not the recipients, the signature, the title block, or an unofficial summary's disclaimer.</summary>
    public static bool IsMaterial(CorpusDocument document, Passage passage)
    {
        var section = passage.SectionPath;
        if (section is "noi-nhan" or "ky" || IsShouted(passage.Text) || PassageHeadings.RepeatsHeading(passage))
        {
            return false;
        }

        var key = VietnameseText.MatchKey(passage.Text);
        var title = VietnameseText.MatchKey(document.Metadata.Title);
        return !(title.Length > 0 && key.Contains(title, StringComparison.Ordinal))
            && !(document.Metadata.IsSummary && key.Contains("tom tat khong chinh thuc", StringComparison.Ordinal));
    }

    // A line in capitals is a title or heading ("KẾT LUẬN CỦA BAN CHẤP HÀNH…"), not a statement.
    private static bool IsShouted(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count > 0 && letters.Count(char.IsUpper) > letters.Count / 2;
    }

    // A summary's notes on its own sources ("… chưa được kiểm chứng", "Tháng 12/2025 đã có bài hướng
    // dẫn …", "Tính đến … chưa tìm thấy văn bản thay thế") tell the trainer how far to trust it; they
    // are no rule a member must learn, and their dates move with the next search.
    [GeneratedRegex(@"kiểm chứng|xác minh|được xác nhận|chưa tìm thấy|tìm thấy|bản tóm tắt này|đã có bài|bài hướng dẫn|bài viết|theo nguồn|nguồn tin|các nguồn", RegexOptions.IgnoreCase)]
    private static partial Regex AboutTheSources();
}
