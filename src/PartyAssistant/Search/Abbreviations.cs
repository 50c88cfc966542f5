using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Search;

/// <summary>
/// Party abbreviations as people type them in chat, expanded at query time so "ĐV" finds
/// "đảng viên". A short form that is also a Vietnamese syllable ("tu" = tư/từ/tự) is expanded
/// only when written in capitals.
/// </summary>
public static partial class Abbreviations
{
    private sealed record Entry(string Expansion, bool OnlyInCapitals);

    private static readonly Dictionary<string, Entry> Table = Build(new (string, string, bool)[]
    {
        ("dv", "đảng viên", false),
        ("cbdv", "cán bộ đảng viên", false),
        ("cb", "cán bộ", false),
        ("cbcc", "cán bộ công chức", false),
        ("qd", "quy định", false),
        ("kl", "kết luận", false),
        ("nq", "nghị quyết", false),
        ("hd", "hướng dẫn", false),
        ("ct", "chỉ thị", false),
        ("kh", "kế hoạch", false),
        ("tw", "trung ương", false),
        ("tu", "tỉnh uỷ", true),
        ("hu", "huyện uỷ", true),
        ("du", "đảng uỷ", true),
        ("bch", "ban chấp hành", false),
        ("bct", "bộ chính trị", false),
        ("bbt", "ban bí thư", false),
        ("btv", "ban thường vụ", false),
        ("btc", "ban tổ chức", false),
        ("btctw", "ban tổ chức trung ương", false),
        ("ubkt", "uỷ ban kiểm tra", false),
        ("mttq", "mặt trận tổ quốc", false),
        ("ubmttq", "uỷ ban mặt trận tổ quốc", false),
        ("ctxh", "chính trị xã hội", false),
        ("cntt", "công nghệ thông tin", false),
        ("ubnd", "uỷ ban nhân dân", false),
        ("hdnd", "hội đồng nhân dân", false),
        ("tcd", "tổ chức đảng", false),
        ("tccsd", "tổ chức cơ sở đảng", false),
        ("csd", "cơ sở đảng", false),
        ("db", "đảng bộ", false),
        ("cu", "chi uỷ", true),
        ("bt", "bí thư", false),
        ("pbt", "phó bí thư", false),
        ("sh", "sinh hoạt", false),
        ("shcb", "sinh hoạt chi bộ", false),
        ("tncs", "thanh niên cộng sản", false),
        ("dtn", "đoàn thanh niên", false),
        ("hcm", "hồ chí minh", false),
        ("ktgs", "kiểm tra giám sát", false),
        ("xd", "xây dựng", false),
        ("xh", "xã hội", false),
        ("tp", "thành phố", false),
        ("tt", "thị trấn", true),
        ("vn", "việt nam", false),
        ("dcsvn", "đảng cộng sản việt nam", false),
    });

    /// <summary>The text with every known abbreviation replaced by its full form, and whether any was.</summary>
    public static (string Text, bool Expanded) Expand(string text)
    {
        var expanded = false;
        var result = Token().Replace(text, match =>
        {
            var word = match.Value;
            if (IsInsideDocumentNumber(text, match.Index, match.Length))
            {
                return word; // "213-QĐ/TW" stays as printed: the passages carry those very tokens
            }

            var key = VietnameseText.Fold(word);
            if (!Table.TryGetValue(key, out var entry))
            {
                return word;
            }

            var inCapitals = word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
            if (entry.OnlyInCapitals && !inCapitals)
            {
                return word;
            }

            expanded = true;
            return entry.Expansion;
        });
        return (result, expanded);
    }

    /// <summary>True when the word is an abbreviation this table knows (so its Đ says nothing about the writer's diacritics).</summary>
    public static bool IsAbbreviation(string word) => Table.ContainsKey(VietnameseText.Fold(word));

    private static bool IsInsideDocumentNumber(string text, int index, int length) =>
        (index > 0 && text[index - 1] is '-' or '/') || (index + length < text.Length && text[index + length] == '/');

    private static Dictionary<string, Entry> Build((string Short, string Long, bool Caps)[] rows) =>
        rows.ToDictionary(r => r.Short, r => new Entry(r.Long, r.Caps), StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{Mn}]+")]
    private static partial Regex Token();
}
