using System.Globalization;

namespace PartyAssistant.Text;

/// <summary>
/// The checks every door (command line, bots, HTTP API) applies to what a user sends before any work is
/// done: each returns null when the input can be used, otherwise the Vietnamese message to show.
/// </summary>
public static class InputValidator
{
    public const int MaxQuestionLength = 2000;

    public const int MaxTop = 100;

    public const int MaxIdLength = 200;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string? Question(string? question)
    {
        if (string.IsNullOrWhiteSpace(question) || VietnameseText.MatchKey(question).Length == 0)
        {
            return "Câu hỏi trống: hãy nhập nội dung cần tra cứu, ví dụ \"đảng viên đang công tác phải làm gì ở nơi cư trú?\".";
        }

        var length = question.Trim().Length;
        return length > MaxQuestionLength
            ? string.Create(Vietnamese, $"Câu hỏi dài {length:N0} ký tự, vượt giới hạn {MaxQuestionLength:N0} ký tự. Hãy rút gọn câu hỏi.")
            : null;
    }

    /// <summary>How many passages a search returns.</summary>
    /// <param name="name">What the door calls it: "--top" on the command line, "top" in the API.</param>
    public static string? Top(int top, string name) => top is < 1 or > MaxTop ? $"{name} (số đoạn trả về) phải từ 1 đến {MaxTop} (đã nhập {top})." : null;

    /// <summary>A document or passage id ("kl-tu-nq03", "kl-tu-nq03/II.3.4"): present, short, printable.</summary>
    /// <param name="what">What the id names, in Vietnamese ("mã đoạn", "mã văn bản").</param>
    public static string? Id(string? id, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return $"Thiếu {what}.";
        }

        return id.Length > MaxIdLength || id.Any(char.IsControl) || id.Any(char.IsWhiteSpace)
            ? $"{char.ToUpper(what[0], Vietnamese)}{what[1..]} \"{Shorten(id)}\" không hợp lệ: mã không có khoảng trắng và dài tối đa {MaxIdLength} ký tự."
            : null;
    }

    /// <summary>How many quiz questions are asked for.</summary>
    public static string? QuizCount(int count) =>
        count is < 1 or > Quizzes.QuizRequest.MaxCount ? $"Số câu hỏi phải từ 1 đến {Quizzes.QuizRequest.MaxCount} (đã nhập {count})." : null;

    private static string Shorten(string id) => id.Length <= 40 ? id : id[..40] + "…";
}
