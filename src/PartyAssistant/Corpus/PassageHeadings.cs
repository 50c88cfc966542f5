using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Corpus;

/// <summary>
/// What is a heading and what is a statement. An item heading with no text of its own ("4. Phát
/// huy vai trò của Mặt trận…") is stored as a passage so it can be found, but it names a task, it
/// states nothing: quizzes and outlines must not quote it as a sentence.
/// </summary>
public static partial class PassageHeadings
{
    /// <summary>
    /// Whether the passage's text is its own section's heading, written as a heading (no final stop).
    /// A lead-in that opens a list ("2. Đảng viên phải thực hiện các việc sau:") also heads its points,
    /// but it is a sentence, and stays one.
    /// </summary>
    public static bool RepeatsHeading(Passage passage)
    {
        if (EndsSentence(passage.Text) || passage.Text.TrimEnd().EndsWith(':'))
        {
            return false;
        }

        var heading = passage.Heading.Split(" › ")[^1];
        var key = VietnameseText.MatchKey(Unnumbered(passage.Text));
        return key.Length > 0 && key == VietnameseText.MatchKey(Unnumbered(heading));
    }

    /// <summary>
    /// A finished sentence: it ends with ".", "!" or "?". A heading has no final stop, and a piece
    /// cut at ";" is half of a sentence whose other half may change what it says.
    /// </summary>
    public static bool EndsSentence(string sentence) =>
        sentence.TrimEnd().TrimEnd('"', '”', '’', '»', ')') is { Length: > 0 } s && s[^1] is '.' or '!' or '?';

    private static string Unnumbered(string text) => Number().Replace(text.Trim(), string.Empty);

    [GeneratedRegex(@"^([IVX]+|\d{1,2}|[a-zđ])[.)\-–]\s*")]
    private static partial Regex Number();
}
