using System.Net;
using System.Text;

namespace PartyAssistant.Fakes;

/// <summary>
/// A made-up commune regulation, "Quy định 27-QĐ/ĐU về chế độ sinh hoạt của chi bộ ấp", written as
/// offices write it: the two-column header block, the type line and trích yếu, four articles with
/// khoản, a page break inside Điều 3, and Nơi nhận beside the signature. It is rendered as one web
/// page that real producers (Chromium, LibreOffice) turn into PDF and DOCX; see <see cref="OfficeProducers"/>.
/// </summary>
public static class CommuneRegulation
{
    public const string Type = "Quy định";
    public const string Number = "27-QĐ/ĐU";
    public const string Id = "qd-27";
    public const string Issuer = "Đảng uỷ xã An Phú";
    public const string Title = "Quy định về chế độ sinh hoạt của chi bộ ấp";
    public const string Signer = "Võ Thành Trung";
    public static readonly DateOnly Date = new(2026, 3, 15);

    public static readonly IReadOnlyList<string> HeaderLeft = ["ĐẢNG BỘ HUYỆN AN LẠC", "ĐẢNG UỶ XÃ AN PHÚ", "*", "Số 27-QĐ/ĐU"];

    // The place-and-date line is laid out in a narrow column so that every producer wraps it.
    public static readonly IReadOnlyList<string> HeaderRight = ["ĐẢNG CỘNG SẢN VIỆT NAM", "An Phú, ngày 15 tháng 3 năm 2026"];

    /// <summary>Articles in order: number, title, khoản (each without its "n. " marker).</summary>
    public static readonly IReadOnlyList<(int Number, string Title, IReadOnlyList<string> Clauses)> Articles =
    [
        (1, "Phạm vi và đối tượng áp dụng",
        [
            "Quy định này quy định nội dung, thời gian và cách thức sinh hoạt định kỳ, sinh hoạt chuyên đề của các chi bộ ấp trực thuộc Đảng uỷ xã An Phú.",
            "Đảng viên sinh hoạt tại các chi bộ ấp và cấp uỷ viên được phân công theo dõi chi bộ ấp có trách nhiệm thực hiện Quy định này.",
        ]),
        (2, "Sinh hoạt định kỳ",
        [
            "Chi bộ ấp sinh hoạt định kỳ mỗi tháng một lần, vào ngày mùng 5 hằng tháng; nếu trùng ngày lễ thì lùi sang ngày làm việc kế tiếp.",
            "Bí thư chi bộ gửi dự thảo nội dung sinh hoạt đến các đảng viên ít nhất 03 ngày trước ngày sinh hoạt để đảng viên nghiên cứu, chuẩn bị ý kiến.",
            "Buổi sinh hoạt phải có ít nhất hai phần ba số đảng viên được triệu tập tham dự; đảng viên vắng mặt phải báo lý do với bí thư chi bộ trước buổi sinh hoạt.",
        ]),
        (3, "Sinh hoạt chuyên đề",
        [
            "Mỗi quý chi bộ tổ chức ít nhất một buổi sinh hoạt chuyên đề; chủ đề do chi uỷ đề xuất, gắn với nhiệm vụ phát triển kinh tế và xây dựng nông thôn mới của ấp.",
            "Đảng viên được phân công chuẩn bị chuyên đề gửi bài viết cho bí thư chi bộ chậm nhất 07 ngày trước buổi sinh hoạt.",
            "Nội dung sinh hoạt chuyên đề được ghi vào sổ biên bản và báo cáo Đảng uỷ xã chậm nhất 05 ngày sau buổi sinh hoạt.",
        ]),
        (4, "Tổ chức thực hiện",
        [
            "Văn phòng Đảng uỷ xã theo dõi, đôn đốc các chi bộ ấp thực hiện Quy định này và tổng hợp báo cáo Ban Thường vụ Đảng uỷ sáu tháng một lần.",
            "Quy định này có hiệu lực từ ngày ký.",
        ]),
    ];

    /// <summary>The article and khoản (1-based) that a page break splits from the one before it.</summary>
    public const int BreakBeforeArticle = 3;
    public const int BreakBeforeClause = 2;

    public static readonly IReadOnlyList<string> Recipients = ["- Các chi bộ ấp,", "- Lưu Văn phòng Đảng uỷ."];

    public static readonly IReadOnlyList<string> Signature = ["T/M ĐẢNG UỶ", "BÍ THƯ", "(Đã ký)", Signer];

    /// <summary>
    /// Everything a reader sees, in reading order (header block left column first), one line per
    /// paragraph or header entry: the reference a recognised scan is compared with.
    /// </summary>
    public static string SourceText()
    {
        var lines = new List<string>([.. HeaderLeft, .. HeaderRight, "QUY ĐỊNH", "về chế độ sinh hoạt của chi bộ ấp"]);
        foreach (var (number, title, clauses) in Articles)
        {
            lines.Add($"Điều {number}. {title}");
            lines.AddRange(clauses.Select((c, i) => $"{i + 1}. {c}"));
        }

        lines.Add("Nơi nhận:");
        lines.AddRange(Recipients);
        lines.AddRange(Signature);
        return string.Join('\n', lines);
    }

    /// <summary>How the page is laid out for one producer.</summary>
    /// <param name="TypeOnOneLine">"QUY ĐỊNH về …" as one centred line rather than the type above the trích yếu.</param>
    /// <param name="RotationDegrees">Every block turned by this angle, as a page fed crooked into a scanner.</param>
    public sealed record Layout(bool TypeOnOneLine, double RotationDegrees = 0);

    /// <summary>
    /// The web page both producers read. LibreOffice's HTML import reads attributes and inline styles
    /// but not style-sheet classes for tables and page breaks, so those are written inline.
    /// </summary>
    public static string Html(Layout layout)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Quy định 27-QĐ/ĐU</title>\n<style>\n")
            .Append("@page { size: A4; margin: 20mm 20mm 20mm 30mm; }\n")
            .Append("body { font-family: \"DejaVu Serif\"; font-size: 13pt; line-height: 1.35; }\n")
            .Append("table { border-collapse: collapse; }\ntd { vertical-align: top; text-align: center; padding: 0; }\n")
            .Append("p { margin: 0 0 6pt 0; text-align: justify; text-indent: 12mm; }\n");
        if (layout.RotationDegrees != 0)
        {
            sb.Append("p, table { transform: rotate(").Append(layout.RotationDegrees.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("deg); }\n");
        }

        const string Centered = "text-align:center;text-indent:0";
        sb.Append("</style></head><body>\n<table width=\"100%\"><tr>\n<td width=\"48%\"><p style=\"").Append(Centered).Append("\">")
            .Append(E(HeaderLeft[0])).Append("<br><b>").Append(E(HeaderLeft[1])).Append("</b><br>")
            .Append(E(HeaderLeft[2])).Append("<br>").Append(E(HeaderLeft[3])).Append("</p></td>\n")
            .Append("<td width=\"52%\"><p style=\"").Append(Centered).Append("\"><b>").Append(E(HeaderRight[0])).Append("</b></p>")
            .Append("<p style=\"").Append(Centered).Append(";padding:0 9mm\"><i>").Append(E(HeaderRight[1])).Append("</i></p></td>\n</tr></table>\n");
        var typeStyle = $"{Centered};font-weight:bold";
        if (layout.TypeOnOneLine)
        {
            sb.Append("<p style=\"").Append(typeStyle).Append(";margin-top:14pt\">QUY ĐỊNH về chế độ sinh hoạt của chi bộ ấp</p>\n");
        }
        else
        {
            sb.Append("<p style=\"").Append(typeStyle).Append(";margin-top:14pt\">QUY ĐỊNH</p>\n<p style=\"").Append(typeStyle)
                .Append("\">về chế độ sinh hoạt của chi bộ ấp</p>\n");
        }

        sb.Append("<p style=\"").Append(Centered).Append("\">-----</p>\n");
        foreach (var (number, title, clauses) in Articles)
        {
            sb.Append("<p style=\"font-weight:bold\">Điều ").Append(number).Append(". ").Append(E(title)).Append("</p>\n");
            for (var i = 0; i < clauses.Count; i++)
            {
                var pageBreak = number == BreakBeforeArticle && i + 1 == BreakBeforeClause ? " style=\"page-break-before:always\"" : string.Empty;
                sb.Append("<p").Append(pageBreak).Append('>').Append(i + 1).Append(". ").Append(E(clauses[i])).Append("</p>\n");
            }
        }

        sb.Append("<table width=\"100%\" style=\"margin-top:12pt\"><tr>\n<td width=\"50%\" style=\"text-align:left\"><p style=\"text-align:left;text-indent:0\"><u>Nơi nhận</u>:<br>")
            .Append(string.Join("<br>", Recipients.Select(E))).Append("</p></td>\n")
            .Append("<td width=\"50%\"><p style=\"").Append(Centered).Append("\"><b>").Append(E(Signature[0])).Append("<br>").Append(E(Signature[1]))
            .Append("</b><br><br><i>").Append(E(Signature[2])).Append("</i><br><br><b>").Append(E(Signature[3])).Append("</b></p></td>\n</tr></table>\n</body></html>\n");
        return sb.ToString();
    }
}
