using System.Globalization;

namespace PartyAssistant.Outlines;

/// <summary>The wording the Markdown and Word outlines share, so both say the same thing.</summary>
public static class OutlineText
{
    public const string FiguresHeading = "Số liệu và mốc thời gian cần nhớ";
    public const string QuestionsHeading = "Câu hỏi thảo luận";
    public const string QuizHeading = "Kiểm tra nhanh";
    public const string AnswersHeading = Quizzes.QuizText.AnswersHeading;
    public const string PlanHeading = "Kế hoạch thời gian";

    public static string Title(SessionOutline outline) => $"Dàn ý buổi sinh hoạt: {outline.Document.Title}";

    /// <summary>"Kết luận · Số: (không ghi) · Ngày: (không ghi) · Ban Chấp hành … · đang có hiệu lực (tính đến 2026-01)".</summary>
    public static string InfoLine(OutlineDocumentInfo document)
    {
        var parts = new List<string>
        {
            document.IsSummary ? $"{document.Type} (bản tóm tắt)" : document.Type,
            $"Số: {document.Number ?? "(không ghi)"}",
            $"Ngày: {document.Date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "(không ghi)"}",
        };
        if (document.Issuer is { Length: > 0 } issuer)
        {
            parts.Add(issuer);
        }

        parts.Add($"Tình trạng: {document.Standing}");
        return string.Join(" · ", parts);
    }

    public static string Duration(SessionOutline outline) => $"Thời lượng: {outline.Minutes} phút · Đối tượng: {outline.Audience.Name}";

    public static string CitationNote(SessionOutline outline)
    {
        var example = outline.KeyPoints.FirstOrDefault() is { } first ? $", ví dụ {Cite(first.Source)}," : string.Empty;
        return $"Trích dẫn trong ngoặc vuông{example} là vị trí trong {outline.Document.CitationName}; câu trong dàn ý là nguyên văn của đoạn được dẫn.";
    }

    public static IReadOnlyList<string> Introduction(OutlineDocumentInfo document, Audience audience) =>
    [
        $"Giới thiệu văn bản: {document.CitationName} — {document.Title}.",
        $"Mục đích: nắm các nội dung chính, các số liệu và mốc thời gian, liên hệ với thực tế của {audience.We}.",
    ];

    public static string WithMinutes(string heading, int minutes) => $"{heading} ({minutes} phút)";

    public static string Cite(OutlineCitation source) => $"[{source.LocalLabel}]";

    public static string Facts(OutlineFigure figure) => string.Join("; ", figure.Facts.Select(f => f.Text));

    public static string Minutes(int minutes) => $"{minutes} phút";
}
