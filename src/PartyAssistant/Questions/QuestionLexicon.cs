using PartyAssistant.Text;

namespace PartyAssistant.Questions;

/// <summary>The word lists a question is read with, each loaded once from <c>Text/Words</c>.</summary>
public static class QuestionLexicon
{
    private static readonly Lazy<PhraseSet<Frame>> FrameSet = new(() => new PhraseSet<Frame>(
        WordLists.Rows(WordLists.QuestionFrames).Select(r => (r[0], ParseFrame(r))))); 

    // The value says whether the word counts only where the question is typed with diacritics ("marked").
    private static readonly Lazy<PhraseSet<bool>> FunctionSet = new(() => new PhraseSet<bool>(
        WordLists.Rows(WordLists.FunctionWords).Select(r => (r[0], r.Length > 1 && r[1] == "marked"))));

    private static readonly Lazy<HashSet<string>> JoiningSet = new(() => WordLists.Rows(WordLists.FunctionWords)
        .SelectMany(r => TextTokens.Of(r[0]).Select(t => t.Accented)).ToHashSet(StringComparer.Ordinal));

    private static readonly Lazy<PhraseSet<bool>> CommonSet = new(() => Marked(WordLists.DomainCommon));

    private static readonly Lazy<PhraseSet<bool>> FollowUpSet = new(() => Plain(WordLists.FollowUpCues));

    private static readonly Lazy<PhraseSet<bool>> NegationSet = new(() => Marked(WordLists.NegationCues));

    private static readonly Lazy<PhraseSet<bool>> ReportSet = new(() => Plain(WordLists.ReportWords));

    private static readonly Lazy<PhraseSet<bool>> ConditionSet = new(() => Plain(WordLists.ConditionCues));

    private static readonly Lazy<PhraseSet<bool>> EventTimeSet = new(() => Plain(WordLists.EventTimes));

    private static readonly Lazy<PhraseSet<bool>> ReasonSet = new(() => Plain(WordLists.ReasonCues));

    // The value is the phrase with its marks, syllable for syllable.
    private static readonly Lazy<PhraseSet<string[]>> ReadingSet = new(() => new PhraseSet<string[]>(
        WordLists.Rows(WordLists.QuestionReadings).Select(r => (r[0], Reading(r)))));

    private static readonly Lazy<PhraseSet<string>> TypeNameSet = new(() => new PhraseSet<string>(
        WordLists.Rows(WordLists.DocumentTypes).Select(r => (r[0], char.ToUpperInvariant(r[0][0]) + r[0][1..]))
            .Append(("văn bản", string.Empty))));

    /// <summary>How phrases of a question typed without marks read: "ai ky" → "ai ký".</summary>
    public static PhraseSet<string[]> Readings => ReadingSet.Value;

    /// <summary>Question frames: "bao lâu một lần" → frequency.</summary>
    public static PhraseSet<Frame> Frames => FrameSet.Value;

    /// <summary>Words that join a question together: never its focus. True: only when typed with diacritics (without, it may be another word).</summary>
    public static PhraseSet<bool> FunctionWords => FunctionSet.Value;

    /// <summary>Whether a syllable, spelt with its marks, belongs to a joining word of the list ("đó", "đến" of "liên quan đến").</summary>
    public static bool IsJoiningSyllable(string accented) => JoiningSet.Value.Contains(accented);

    /// <summary>Words found everywhere in the domain (true), and compounds of them that keep their own meaning (false).</summary>
    public static PhraseSet<bool> DomainCommon => CommonSet.Value;

    /// <summary>How a follow-up shows it continues the previous question.</summary>
    public static PhraseSet<bool> FollowUpCues => FollowUpSet.Value;

    /// <summary>Denials and exceptions (true), and phrases that only look like one (false: "không quá", "không chuyên trách").</summary>
    public static PhraseSet<bool> NegationCues => NegationSet.Value;

    /// <summary>Words that mark a sentence as a report of results or trends rather than a rule.</summary>
    public static PhraseSet<bool> ReportWords => ReportSet.Value;

    /// <summary>How a text says a task falls due on a condition: "khi cần thiết", "sau khi".</summary>
    public static PhraseSet<bool> ConditionCues => ConditionSet.Value;

    /// <summary>Times given by an event, not a date: "từ ngày ký".</summary>
    public static PhraseSet<bool> EventTimes => EventTimeSet.Value;

    /// <summary>How a text gives a reason or purpose: "mục đích", "nhằm", "để".</summary>
    public static PhraseSet<bool> ReasonCues => ReasonSet.Value;

    /// <summary>Names of kinds of documents ("Kết luận"), for "kết luận này"; "văn bản" names none.</summary>
    public static PhraseSet<string> DocumentTypeNames => TypeNameSet.Value;

    /// <summary>The negation cues (not the look-alikes) in a text, as folded phrases.</summary>
    public static IReadOnlyList<string> NegationsIn(IReadOnlyList<TextToken> tokens) =>
        NegationCues.FindAll(tokens).Where(m => m.Value)
            .Select(m => string.Join(' ', tokens.Skip(m.Index).Take(m.Count).Select(t => t.Folded)))
            .ToList();

    /// <summary>The report words in a text, as folded phrases.</summary>
    public static IReadOnlyList<string> ReportsIn(IReadOnlyList<TextToken> tokens) =>
        ReportWords.FindAll(tokens).Select(m => string.Join(' ', tokens.Skip(m.Index).Take(m.Count).Select(t => t.Folded))).ToList();

    private static Frame ParseFrame(string[] row)
    {
        if (row.Length < 2 || !Enum.TryParse<Frame>(row[1], ignoreCase: true, out var frame) || frame == Frame.None)
        {
            throw new FormatException($"{WordLists.QuestionFrames}: \"{string.Join('\t', row)}\" cần một khung câu hỏi hợp lệ ở cột thứ hai.");
        }

        return frame;
    }

    private static PhraseSet<bool> Plain(string list) => new(WordLists.Rows(list).Select(r => (r[0], true)));

    // "!" marks the exceptions of a list: found like the others, so that they win over a shorter entry they contain.
    private static PhraseSet<bool> Marked(string list) => new(WordLists.Rows(list).Select(r => r[0].StartsWith('!') ? (r[0][1..], false) : (r[0], true)));

    private static string[] Reading(string[] row)
    {
        var marked = row.Length > 1 ? TextTokens.Of(row[1]).Select(t => t.Accented).ToArray() : [];
        if (marked.Length != TextTokens.Of(row[0]).Count || !marked.Select(VietnameseText.Fold).SequenceEqual(TextTokens.Of(row[0]).Select(t => t.Folded)))
        {
            throw new FormatException($"{WordLists.QuestionReadings}: \"{string.Join('\t', row)}\" phải là cùng các âm tiết, có dấu ở cột thứ hai.");
        }

        return marked;
    }
}
