using System.Text.RegularExpressions;
using PartyAssistant.Facts;
using PartyAssistant.Corpus;
using PartyAssistant.Text;

namespace PartyAssistant.Quizzes;

/// <summary>
/// Which facts a question may test or offer as a wrong answer, and when a wrong answer is wrong
/// beyond doubt. A quiz that marks a true statement "Sai", or offers two right choices, teaches a
/// member something false — so whatever might also be true is left out.
/// </summary>
public static partial class QuizFacts
{
    /// <summary>
    /// A fact a question may blank or test: times and frequencies that are memorable figures (not a
    /// vague frequency, not an "as of" date), and an actor only as the subject that opens the sentence.
    /// </summary>
    public static bool IsAskable(Fact fact, string sentence) => fact.Kind switch
    {
        FactKind.Frequency => fact.IsMemorableFigure,

        // Unlike an outline's figures, a quiz may ask when a document was issued ("Kết luận 01-KL/TW … ban hành ____"):
        // that date is what a member is asked to know about the document, though it is no deadline of its text.
        FactKind.Time => fact.IsMemorableFigure || (fact.DatesDocument && !fact.IsStatusDate),
        FactKind.Actor => IsSubject(fact, sentence),
        _ => true,
    };

    /// <summary>
    /// A fact that may stand as a wrong answer. Quoted terms are not offered: "tự diễn biến" against
    /// "sổ liên hệ" is absurd, and two set terms of one kind are rare enough that none is better.
    /// </summary>
    public static bool IsOfferable(Fact fact, string sentence) => fact.Kind != FactKind.QuotedTerm && IsAskable(fact, sentence);

    /// <summary>
    /// Whether changing the fact can make a false statement: figures, dates and document numbers
    /// conflict plainly; a frequency ("hằng năm" is also "định kỳ"), a quoted term or an actor (a đảng
    /// uỷ is a cấp uỷ; a body the text does not name may still do what it says) may still be true after the change.
    /// </summary>
    public static bool CanMakeFalse(FactKind kind) => IsFigure(kind);

    /// <summary>A figure, a date or a document number: a value written with digits, the same fact wherever it is written.</summary>
    public static bool IsFigure(FactKind kind) => kind is FactKind.Percent or FactKind.Quantity or FactKind.Time or FactKind.Document;

    /// <summary>Whether <paramref name="wrong"/> in place of <paramref name="answer"/> in <paramref name="sentence"/> says something the answer rules out.</summary>
    public static bool ClearlyWrong(Fact answer, string sentence, Fact wrong)
    {
        if (answer.Kind != wrong.Kind || VietnameseText.MatchKey(answer.Text) == VietnameseText.MatchKey(wrong.Text))
        {
            return false;
        }

        return answer.Kind switch
        {
            FactKind.Percent => NumericClaim.Of(answer, sentence).Excludes(NumericClaim.Of(wrong, sentence, answer)),
            FactKind.Quantity => NumericClaim.Unit(answer) == NumericClaim.Unit(wrong) &&
                NumericClaim.Of(answer, sentence).Excludes(NumericClaim.Of(wrong, sentence, answer)),
            FactKind.Time => TimeClaim.Conflict(answer, wrong),
            FactKind.Document => DocumentsDiffer(answer.Text, wrong.Text),
            FactKind.Frequency or FactKind.Actor => !MayMeanTheSame(answer, wrong),
            _ => false,
        };
    }

    /// <summary>
    /// Whether two frequencies or two actors may both read as right in one place: "hằng năm" is also
    /// "định kỳ", a đảng uỷ xã is a cấp uỷ. When in doubt (a vague frequency, an actor without a role), they may.
    /// </summary>
    public static bool MayMeanTheSame(Fact a, Fact b) => a.Kind switch
    {
        FactKind.Frequency => Frequencies.MayAgree(a.Text, b.Text),
        FactKind.Actor => a.Role is not { } x || b.Role is not { } y || RoleLexicon.Overlap(x, y),
        _ => false,
    };

    /// <summary>
    /// The grammatical subject at the start of the sentence, optionally after "Giao", "Các" or a
    /// leading time or frequency phrase and its comma — never a piece of a longer noun phrase
    /// ("nơi đảng viên công tác", "đảng uỷ xã, phường").
    /// </summary>
    public static bool IsSubject(Fact actor, string sentence) =>
        SubjectLead().IsMatch(sentence[..actor.Start]) && !PlaceList.ContinuesWithComma(sentence[actor.End..]);

    // Two numbers of one kind of document ("01-KL/TW", "38-KL/TW"): a Kết luận for a Kết luận, never a Quy định's number in its place.
    private static bool DocumentsDiffer(string answer, string wrong)
    {
        var a = DocumentReference.FindAll(answer).FirstOrDefault();
        var w = DocumentReference.FindAll(wrong).FirstOrDefault();
        return a is not null && w is not null && a.TypeCode == w.TypeCode && a.Number != w.Number;
    }

    [GeneratedRegex(@"^(?:(?:Sau|Trong|Đến|Từ|Hằng|Hàng|Mỗi|Định kỳ|Ngày|Tháng|Năm|Cuối|Giữa|Đầu|Quý|Hiện nay)(?!\p{L})[^,]{0,100},\s*)?(?:(?:Giao|Các)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectLead();

}
