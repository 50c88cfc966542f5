using System.Globalization;

namespace PartyAssistant.Fakes;

/// <summary>
/// Made-up regulations in the shape of Party documents (Chương, Điều, khoản, điểm). The wording is
/// invented from a few phrase lists; it only has to look and wrap like administrative Vietnamese.
/// Deterministic: the same arguments give the same document.
/// </summary>
public static class SampleDocuments
{
    private static readonly string[] ChapterTitles =
    [
        "NHỮNG QUY ĐỊNH CHUNG", "NHIỆM VỤ VÀ QUYỀN HẠN", "TRÌNH TỰ, THỦ TỤC THỰC HIỆN", "KIỂM TRA, GIÁM SÁT",
        "QUAN HỆ CÔNG TÁC", "CHẾ ĐỘ THÔNG TIN, BÁO CÁO", "KHEN THƯỞNG VÀ XỬ LÝ VI PHẠM", "ĐIỀU KHOẢN THI HÀNH",
    ];

    private static readonly string[] ArticleTitles =
    [
        "Phạm vi điều chỉnh", "Đối tượng áp dụng", "Giải thích từ ngữ", "Nguyên tắc thực hiện", "Trách nhiệm của cấp uỷ",
        "Nhiệm vụ của uỷ ban kiểm tra", "Hồ sơ và thủ tục", "Thời hạn giải quyết", "Chế độ báo cáo", "Kinh phí bảo đảm",
        "Quan hệ phối hợp", "Lưu trữ tài liệu", "Sơ kết, tổng kết", "Trách nhiệm của người đứng đầu", "Công khai kết quả",
    ];

    private static readonly string[] Subjects =
    [
        "Cấp uỷ các cấp", "Đảng uỷ cơ sở", "Uỷ ban kiểm tra huyện uỷ", "Chi bộ", "Ban Thường vụ tỉnh uỷ", "Văn phòng cấp uỷ",
        "Ban tổ chức cấp uỷ", "Người đứng đầu cấp uỷ", "Đảng uỷ khối cơ quan", "Tổ kiểm tra",
    ];

    private static readonly string[] Actions =
    [
        "xây dựng kế hoạch kiểm tra, giám sát hằng năm", "tổ chức phổ biến, quán triệt nội dung quy định",
        "theo dõi, đôn đốc việc thực hiện các kết luận sau kiểm tra", "lập hồ sơ và lưu trữ tài liệu theo đúng quy định",
        "báo cáo kết quả thực hiện định kỳ sáu tháng và hằng năm", "xem xét, giải quyết kịp thời đơn thư của tổ chức và cá nhân",
        "bảo đảm kinh phí và điều kiện làm việc cần thiết", "đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên",
        "rà soát, bổ sung quy chế làm việc cho phù hợp với thực tiễn", "chỉ đạo khắc phục những hạn chế, khuyết điểm đã được chỉ ra",
        "phân công cán bộ có đủ năng lực, kinh nghiệm tham gia đoàn kiểm tra", "tiếp nhận, xử lý thông tin phản ánh của quần chúng",
    ];

    private static readonly string[] Manners =
    [
        "trong phạm vi được giao", "theo hướng dẫn của cấp trên", "bảo đảm công khai, minh bạch và đúng thẩm quyền",
        "không để tồn đọng kéo dài", "gắn với việc thực hiện nhiệm vụ chính trị của địa phương, đơn vị",
        "bảo đảm nguyên tắc tập trung dân chủ", "kịp thời, khách quan và thận trọng",
    ];

    private static readonly string[] Authorities =
    [
        "cấp uỷ cấp trên trực tiếp", "Ban Thường vụ", "uỷ ban kiểm tra cùng cấp", "thường trực cấp uỷ",
    ];

    /// <summary>A short regulation (a few pages) with every kind of unit, used by the extraction tests.</summary>
    public static SampleDocument Regulation(int articles = 12) => Build(articles, seed: 20);

    /// <summary>A long regulation (about 100 pages at 250 articles) for the ingestion benchmark.</summary>
    public static SampleDocument LargeRegulation(int articles = 250) => Build(articles, seed: 250);

    private static SampleDocument Build(int articles, int seed)
    {
        var random = new Random(seed);
        var body = new List<string>();
        var chapters = Math.Clamp(articles / 4, 1, ChapterTitles.Length);
        var perChapter = (int)Math.Ceiling(articles / (double)chapters);
        for (var article = 1; article <= articles; article++)
        {
            if ((article - 1) % perChapter == 0)
            {
                var chapter = ((article - 1) / perChapter) + 1;
                body.Add($"Chương {Roman(chapter)}");
                body.Add(ChapterTitles[(chapter - 1) % ChapterTitles.Length]);
            }

            body.Add($"Điều {article.ToString(CultureInfo.InvariantCulture)}. {ArticleTitles[(article - 1) % ArticleTitles.Length]}");
            if (article == 1)
            {
                // One plain paragraph and one khoản that cites "điểm đ)": tests look for both exactly.
                body.Add("Quy định này quy định về công tác kiểm tra, giám sát của Đảng uỷ cơ sở và các tổ chức đảng trực thuộc; áp dụng đối với tổ chức đảng và đảng viên trong Đảng bộ.");
            }

            var clauses = 2 + random.Next(3);
            for (var clause = 1; clause <= clauses; clause++)
            {
                var subject = Pick(random, Subjects);
                if (clause == 2)
                {
                    body.Add($"{clause}. {subject} có nhiệm vụ sau:");
                    var points = 3 + random.Next(4);
                    for (var point = 0; point < points; point++)
                    {
                        var end = point == points - 1 ? "." : ";";
                        body.Add($"{PointLetter(point)}) {Pick(random, Actions)} {Pick(random, Manners)}{end}");
                    }
                }
                else
                {
                    var sentence = $"{clause}. {subject} có trách nhiệm {Pick(random, Actions)} {Pick(random, Manners)}.";
                    if (random.Next(2) == 0)
                    {
                        sentence += $" Trường hợp có vướng mắc, {subject.ToLowerInvariant()} kịp thời báo cáo {Pick(random, Authorities)} xem xét, quyết định theo điểm đ) khoản 2 Điều này.";
                    }

                    body.Add(sentence);
                }
            }
        }

        return new SampleDocument(
            HeaderLeft: ["BAN CHẤP HÀNH TRUNG ƯƠNG", "*", "Số 99-QĐ/TW"],
            HeaderRight: ["ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 02 tháng 01 năm 2020"],
            Title: ["QUY ĐỊNH", "về công tác kiểm tra, giám sát của tổ chức đảng mẫu"],
            Body: body,
            Recipients: ["Nơi nhận:", "- Các tỉnh uỷ, thành uỷ,", "- Các đảng uỷ trực thuộc,", "- Lưu Văn phòng."],
            Signature: ["T/M BAN CHẤP HÀNH", "TỔNG BÍ THƯ", "(Đã ký)", "Nguyễn Văn Mẫu"]);
    }

    // Vietnamese điểm run a, b, c, d, đ, e, g, h, ... (no f, j, w, z).
    private static string PointLetter(int index) => "abcdđeghiklmn"[index % 13].ToString();

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Roman(int value) => value switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", _ => "X",
    };
}
