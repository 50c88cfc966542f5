using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Obligations;

/// <summary>
/// Whether a sentence tells someone to do something rather than report or describe: the one reading
/// of duty words that the checklists, the answers' steps and the outlines share. One list of modal
/// words (<see cref="HasModal"/>) and one of the actions a directive opens with (<see cref="OpensWithAction"/>).
/// </summary>
public static partial class Directive
{
    /// <summary>A step: a named role with a duty ("Cấp uỷ phải …"), or a bare directive ("Thực hiện tốt …").</summary>
    public static bool IsStep(string sentence)
    {
        var read = ObligationSentence.Read(sentence, directiveContext: true);
        return read.HasSubject ? read.Obligatory : read.Imperative;
    }

    /// <summary>A step, or a sentence with an obliging word anywhere ("Việc … phải được thực hiện"): it states a duty.</summary>
    public static bool StatesDuty(string sentence) => Obliging().IsMatch(sentence) || IsStep(sentence);

    /// <summary>Whether a role's predicate makes a duty: an obliging word ("phải", "cần", "có trách nhiệm", "không được" …) or "chủ trì".</summary>
    public static bool HasModal(string predicate) => Modal().IsMatch(predicate);

    /// <summary>
    /// Whether the text opens with an action (action-verbs.txt): without a subject it directs someone to act ("Thực hiện",
    /// "Tăng cường" …); after a role in a regulation's article, it is what the role does. Not a document's name that opens
    /// with such a word ("Hướng dẫn 33-HD/BTCTW có kèm …", "Báo cáo số 12/BC-…").
    /// </summary>
    public static bool OpensWithAction(string text)
    {
        // Only the opening words matter: an action is at most a few syllables, then perhaps "số" and a number.
        var tokens = TextTokens.Of(text.Length > OpeningLength ? text[..OpeningLength] : text);
        if (tokens.Count == 0 || Actions.Value.LongestAt(tokens, 0) is not { } action || tokens[0].Start > 0)
        {
            return false;
        }

        var next = action.End < tokens.Count ? tokens[action.End] : null;
        var number = next is not null && next.Folded == "so" && action.End + 1 < tokens.Count ? tokens[action.End + 1] : next;
        return number is null || !number.Text.All(char.IsAsciiDigit) || number.End >= text.Length || text[number.End] is not ('-' or '/');
    }

    private const int OpeningLength = 60;

    private static readonly Lazy<PhraseSet<bool>> Actions = new(() => new PhraseSet<bool>(WordLists.Rows(WordLists.ActionVerbs).Select(r => (r[0], true))));

    // The one list of modal words. "không phải", "khi cần" are no duty; "không được" and "nghiêm cấm" forbid, which is one.
    private const string ObligingWords = @"(?<!\p{L})(?<!không\s)(?<!khi\s)(phải|cần|có\s+(\p{L}+\s+){0,2}trách nhiệm|có\s+(\p{L}+\s+){0,2}nhiệm vụ|chịu trách nhiệm|không được|nghiêm cấm";

    // "chủ trì" obliges only as a named role's predicate ("Ban Tổ chức Tỉnh uỷ chủ trì, phối hợp …");
    // elsewhere it is what someone did ("Tổng Bí thư … chủ trì hội nghị").
    [GeneratedRegex(ObligingWords + @"|chủ trì)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex Modal();

    [GeneratedRegex(ObligingWords + @")(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex Obliging();

}
