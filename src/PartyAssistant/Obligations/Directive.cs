using System.Text.RegularExpressions;

namespace PartyAssistant.Obligations;

/// <summary>
/// Whether a sentence tells someone to do something rather than report or describe: the one reading
/// of duty words that the checklists, the answers' steps and the outlines share. One list of modal
/// words (<see cref="HasModal"/>) and one of the verbs a subjectless directive opens with
/// (<see cref="OpensWithImperative"/>).
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

    /// <summary>Whether the text opens with a verb that, without a subject, directs someone to act: "Thực hiện", "Tăng cường" ….</summary>
    public static bool OpensWithImperative(string text) => Imperative().IsMatch(text);

    // The one list of modal words. "không phải", "khi cần" are no duty; "không được" and "nghiêm cấm" forbid, which is one.
    private const string ObligingWords = @"(?<!\p{L})(?<!không\s)(?<!khi\s)(phải|cần|có\s+(\p{L}+\s+){0,2}trách nhiệm|có\s+(\p{L}+\s+){0,2}nhiệm vụ|chịu trách nhiệm|không được|nghiêm cấm";

    // "chủ trì" obliges only as a named role's predicate ("Ban Tổ chức Tỉnh uỷ chủ trì, phối hợp …");
    // elsewhere it is what someone did ("Tổng Bí thư … chủ trì hội nghị").
    [GeneratedRegex(ObligingWords + @"|chủ trì)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex Modal();

    [GeneratedRegex(ObligingWords + @")(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex Obliging();

    // Sentences with no subject that direct someone to act: what a lead-in's role is asked to do. Not a
    // document's name that opens with such a word ("Hướng dẫn 33-HD/BTCTW có kèm …", "Báo cáo số 12/BC-…").
    [GeneratedRegex(@"^(Thực hiện|Nâng cao|Tổ chức|Xây dựng|Tham mưu|Thường xuyên|Kịp thời|Chú trọng|Phát huy|Tăng cường|Tiếp tục|Triển khai|Quán triệt|Đổi mới|Rà soát|Chủ động|Bảo đảm|Đảm bảo|Kiểm tra|Giám sát|Lãnh đạo|Chỉ đạo|Có cơ chế|Khắc phục|Kiên quyết|Tập trung|Bồi dưỡng|Từng bước|Thí điểm|Tạo điều kiện|Phối hợp|Báo cáo|Theo dõi|Hướng dẫn|Vận động|Tham gia|Tham dự|Giữ|Chấp hành|Gương mẫu|Đôn đốc|Đánh giá|Nhận xét|Lập|Tiếp nhận|Chuẩn bị|Cung cấp|Định kỳ|Phân công|Quản lý|Sơ kết|Tổng kết)(?!\p{L})(?!\s+(số\s+)?\d+[-/])", RegexOptions.IgnoreCase)]
    private static partial Regex Imperative();
}
