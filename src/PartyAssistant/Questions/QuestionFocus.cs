using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Questions;

/// <summary>Syllables <paramref name="Index"/>… of a focus run that name <paramref name="Role"/>.</summary>
public sealed record RoleSpan(int Index, int Count, Role Role)
{
    public int End => this.Index + this.Count;
}

/// <summary>
/// One run of the focus: syllables of the question next to each other, with the synonyms the list
/// knows for phrases inside it ("qua mạng" → "trực tuyến", "Cổng Dịch vụ công").
/// </summary>
public sealed record FocusRun(IReadOnlyList<TextToken> Tokens, IReadOnlyList<SynonymSpan> Synonyms)
{
    /// <summary>
    /// Syllables that count fully only when a text has them: typed without diacritics, a joining word may be
    /// another word ("co" of "co so" is "cơ sở"), so it helps where it matches and costs half where not.
    /// </summary>
    public IReadOnlyList<bool> Optional { get; init; } = [];

    /// <summary>
    /// Where the run names a role ("BCH đảng uỷ xã"): a text that names the same role or one that includes it or is
    /// of its family ("cấp uỷ") states those syllables, however it words the role.
    /// </summary>
    public IReadOnlyList<RoleSpan> Roles { get; init; } = [];

    public bool IsOptional(int index) => index < this.Optional.Count && this.Optional[index];
}

/// <summary>
/// What a question is about: the concept asked for ("kết nạp" + "mới", "thẻ đảng viên"), once the
/// question frame (thủ tục, bao lâu, ai, như thế nào), the words that join it together and the words
/// found everywhere in Party documents (đảng viên, chi bộ, cấp uỷ) are set aside.
/// </summary>
/// <param name="Display">The focus as the question words it, for telling the user what the documents do not state.</param>
/// <param name="FromCommonWords">True when only common words were left and they had to stand for the focus.</param>
public sealed record QuestionFocus(IReadOnlyList<FocusRun> Runs, string Display, bool FromCommonWords)
{
    public static QuestionFocus None { get; } = new([], string.Empty, false);

    public bool IsEmpty => this.Runs.Count == 0;

    public IEnumerable<TextToken> Tokens => this.Runs.SelectMany(r => r.Tokens);

    /// <summary>
    /// For "có được X không", "có phải X không", "do ai X": the first syllable of X, the action asked
    /// about ("kiêm", "đi họp", "bầu"); a sentence that does not state it does not answer.
    /// </summary>
    public (FocusRun Run, int Index)? Action { get; init; }
}
