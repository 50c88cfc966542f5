namespace PartyAssistant.Text;

/// <summary>The checks every channel applies to a question before any work is done.</summary>
public static class QuestionValidator
{
    public const int MaxLength = 2000;

    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Null when the question can be searched, otherwise the Vietnamese message to show.</summary>
    public static string? Problem(string? question)
    {
        if (string.IsNullOrWhiteSpace(question) || VietnameseText.MatchKey(question).Length == 0)
        {
            return "Câu hỏi trống: hãy nhập nội dung cần tra cứu, ví dụ \"đảng viên đang công tác phải làm gì ở nơi cư trú?\".";
        }

        var length = question.Trim().Length;
        return length > MaxLength
            ? string.Create(Vietnamese, $"Câu hỏi dài {length:N0} ký tự, vượt giới hạn {MaxLength:N0} ký tự. Hãy rút gọn câu hỏi.")
            : null;
    }
}
