using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Facts;

/// <summary>
/// A body or person the documents give duties to. <paramref name="Aliases"/> are written as the
/// documents write them; matching ignores tone marks, tone placement (uỷ/ủy), đ/d and case.
/// <paramref name="Nearest"/> are bodies with no role of their own that this role answers for
/// (the Đoàn Thanh niên is one of the đoàn thể): found in texts like aliases, but a user asking for
/// one is told which role stands in.
/// </summary>
public sealed record Role(string Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string>? Nearest = null)
{
    /// <summary>Every name the role is found by: its own, then those it stands in for.</summary>
    public IEnumerable<string> Names => this.Nearest is null ? this.Aliases : this.Aliases.Concat(this.Nearest);
}

/// <summary>A role a user asked for, and the notice to show when the nearest role stands in for what was asked.</summary>
public sealed record RoleChoice(Role Role, string? Nearest);

/// <summary>A role named in a text, with its place in the text (NFC positions).</summary>
public sealed record RoleMention(Role Role, int Start, int Length);

/// <summary>
/// The roles of Party documents, from the member to the provincial committee's departments, and
/// where a text names them. Longer names win ("Ban Tổ chức Tỉnh uỷ" is not also "Tỉnh uỷ").
/// </summary>
public static class RoleLexicon
{
    public static IReadOnlyList<Role> Roles { get; } =
    [
        new("dang-vien", "Đảng viên", ["đảng viên", "ĐV"]),
        new("dang-vien-dang-cong-tac", "Đảng viên đang công tác (diện Quy định 213)", ["đảng viên đang công tác", "đảng viên công tác", "diện 213", "đảng viên diện 213"]),
        new("bi-thu-chi-bo", "Bí thư chi bộ", ["bí thư chi bộ", "bí thư, phó bí thư chi bộ", "bí thư chi bộ ấp, khóm"]),
        new("chi-uy", "Chi uỷ", ["chi uỷ", "chi uỷ chi bộ", "chi uỷ nơi cư trú"]),
        new("chi-bo", "Chi bộ", ["chi bộ", "chi bộ ấp, khóm", "chi bộ ấp", "chi bộ khóm", "chi bộ nơi cư trú", "tổ đảng"]),
        new("dang-uy-xa", "Đảng uỷ xã, phường, thị trấn", ["đảng uỷ xã, phường, thị trấn", "đảng uỷ xã", "đảng uỷ phường", "đảng bộ xã, phường, thị trấn", "đảng bộ xã", "cấp uỷ xã, phường, thị trấn", "cấp uỷ xã", "cấp uỷ cơ sở", "đảng uỷ cơ sở"]),
        new("cap-uy-huyen", "Cấp uỷ cấp huyện", ["cấp uỷ cấp huyện", "cấp uỷ huyện", "huyện uỷ, thành uỷ", "huyện uỷ", "thành uỷ", "các huyện uỷ, thành uỷ, đảng uỷ trực thuộc", "ban thường vụ huyện uỷ, thành uỷ", "ban thường vụ huyện uỷ", "đảng bộ huyện, thành phố", "đảng bộ huyện"]),
        new("cap-uy-tinh", "Tỉnh uỷ và Ban Thường vụ Tỉnh uỷ", ["ban thường vụ tỉnh uỷ", "tỉnh uỷ", "ban chấp hành đảng bộ tỉnh", "cấp uỷ cấp tỉnh", "cấp uỷ tỉnh"]),
        new("cap-uy", "Cấp uỷ, tổ chức đảng các cấp", ["cấp uỷ", "các cấp uỷ", "cấp uỷ các cấp", "cấp uỷ, tổ chức đảng", "tổ chức đảng"],
            Nearest: ["tổ chức cơ sở đảng", "các tổ chức cơ sở đảng"]),
        new("mttq-doan-the", "Mặt trận Tổ quốc và các đoàn thể", ["mặt trận tổ quốc", "đảng đoàn uỷ ban mặt trận tổ quốc", "uỷ ban mặt trận tổ quốc", "MTTQ", "tổ chức chính trị - xã hội", "các tổ chức chính trị - xã hội", "đoàn thể", "các đoàn thể"],
            Nearest: ["ban thường vụ đoàn thanh niên cộng sản hồ chí minh tỉnh", "ban thường vụ đoàn thanh niên cộng sản hồ chí minh", "đoàn thanh niên cộng sản hồ chí minh", "ban thường vụ đoàn thanh niên", "đoàn thanh niên", "tỉnh đoàn"]),
        new("ban-to-chuc-tinh-uy", "Ban Tổ chức Tỉnh uỷ", ["ban tổ chức tỉnh uỷ"]),
        new("ban-tuyen-giao-tinh-uy", "Ban Tuyên giáo Tỉnh uỷ", ["ban tuyên giáo tỉnh uỷ"]),
        new("ban-dan-van-tinh-uy", "Ban Dân vận Tỉnh uỷ", ["ban dân vận tỉnh uỷ"]),
        new("uy-ban-kiem-tra", "Uỷ ban kiểm tra các cấp", ["uỷ ban kiểm tra", "uỷ ban kiểm tra tỉnh uỷ"]),
        new("ban-to-chuc-trung-uong", "Ban Tổ chức Trung ương", ["ban tổ chức trung ương"]),
        new("co-quan-tham-muu-tinh-uy", "Các cơ quan tham mưu, giúp việc Tỉnh uỷ", ["cơ quan chuyên trách tham mưu, giúp việc tỉnh uỷ", "các cơ quan chuyên trách tham mưu, giúp việc tỉnh uỷ", "cơ quan tham mưu, giúp việc tỉnh uỷ"]),
        new("ban-can-su-dang-dang-doan", "Ban cán sự đảng Uỷ ban nhân dân Tỉnh, Đảng đoàn Hội đồng nhân dân Tỉnh", ["ban cán sự đảng uỷ ban nhân dân tỉnh", "đảng đoàn hội đồng nhân dân tỉnh"]),
    ];

    // Which roles include which: a đảng uỷ xã is a cấp uỷ, a member on duty is a member. "Cấp uỷ,
    // tổ chức đảng các cấp" also takes the chi bộ, which is a tổ chức đảng. Offered in place of
    // each other, both would read as right.
    private static readonly Dictionary<string, string[]> Covers = new(StringComparer.Ordinal)
    {
        ["cap-uy"] = ["chi-uy", "chi-bo", "dang-uy-xa", "cap-uy-huyen", "cap-uy-tinh", "bi-thu-chi-bo"],
        ["dang-vien"] = ["dang-vien-dang-cong-tac", "bi-thu-chi-bo"],
        ["dang-uy-xa"] = ["chi-bo", "chi-uy", "bi-thu-chi-bo"],
        ["cap-uy-tinh"] = ["co-quan-tham-muu-tinh-uy", "ban-can-su-dang-dang-doan"],
        ["co-quan-tham-muu-tinh-uy"] = ["ban-to-chuc-tinh-uy", "ban-tuyen-giao-tinh-uy", "ban-dan-van-tinh-uy", "uy-ban-kiem-tra"],
    };

    // The same family without one including the other: a chi bộ acts through its chi uỷ and its bí thư.
    private static readonly (string A, string B)[] Kin =
    [
        ("chi-bo", "chi-uy"),
        ("bi-thu-chi-bo", "chi-uy"),
        ("bi-thu-chi-bo", "chi-bo"),
    ];

    /// <summary>
    /// Whether two roles are the same, one includes the other, or they are one family — so that one
    /// could be read as right where the other is written. When in doubt, they overlap.
    /// </summary>
    public static bool Overlap(Role a, Role b) =>
        a.Id == b.Id || Includes(a.Id, b.Id) || Includes(b.Id, a.Id) || Kin.Any(k => (k.A == a.Id && k.B == b.Id) || (k.A == b.Id && k.B == a.Id));

    private static bool Includes(string wider, string narrower, int depth = 0) =>
        depth < 4 && Covers.TryGetValue(wider, out var parts) && parts.Any(p => p == narrower || Includes(p, narrower, depth + 1));

    // One alternation of every alias, longest first, over the folded text (same positions as NFC).
    private static readonly Regex AnyAlias = new(
        @"(?<![a-z0-9])(" + string.Join('|', Roles.SelectMany(r => r.Names).Select(Pattern).Distinct().OrderByDescending(p => p.Length)) + @")(?![a-z0-9])",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, (Role Role, bool Own)> ByAliasKey = Roles
        .SelectMany(r => r.Aliases.Select(a => (Key: VietnameseText.MatchKey(a), Role: r, Own: true))
            .Concat((r.Nearest ?? []).Select(a => (Key: VietnameseText.MatchKey(a), Role: r, Own: false))))
        .GroupBy(x => x.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => (g.First().Role, g.First().Own), StringComparer.Ordinal);

    // Words a user adds around a role name that do not make it another role: "nghĩa vụ của bí thư chi bộ".
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "nghia", "vu", "nhiem", "trach", "cua", "cac", "nhung", "la", "gi", "ap", "khom",
    };

    /// <summary>Every role a text names, in order, without overlaps.</summary>
    public static IReadOnlyList<RoleMention> Find(string text)
    {
        var normalized = VietnameseText.Normalize(text);
        var folded = VietnameseText.Fold(normalized).ToLowerInvariant();
        if (folded.Length != normalized.Length)
        {
            return [];
        }

        var found = new List<RoleMention>();
        foreach (Match match in AnyAlias.Matches(folded))
        {
            if (ByAliasKey.TryGetValue(VietnameseText.MatchKey(match.Value), out var alias))
            {
                found.Add(new RoleMention(alias.Role, match.Index, match.Length));
            }
        }

        return found;
    }

    /// <summary>
    /// The role a user means ("bi thu chi bo", "đv đang công tác", "chi-uy"): by id, by alias, or by
    /// the longest alias the words contain; with a notice when it is only the nearest one ("phó bí thư
    /// chi bộ" gets the bí thư's duties, "đoàn thanh niên" the đoàn thể's). Null when none is named.
    /// </summary>
    public static RoleChoice? Resolve(string query)
    {
        var trimmed = query.Trim();
        if (Roles.FirstOrDefault(r => string.Equals(r.Id, trimmed, StringComparison.OrdinalIgnoreCase)) is { } byId)
        {
            return new RoleChoice(byId, null);
        }

        var key = VietnameseText.MatchKey(Abbreviated(trimmed));
        if (key.Length == 0)
        {
            return null;
        }

        var named = ByAliasKey.TryGetValue(key, out var exact)
            ? (Key: key, exact.Role, exact.Own)
            : ByAliasKey
                .Where(a => $" {key} ".Contains($" {a.Key} ", StringComparison.Ordinal))
                .OrderByDescending(a => a.Key.Length)
                .Select(a => (a.Key, a.Value.Role, a.Value.Own))
                .FirstOrDefault();
        if (named.Role is null)
        {
            return null;
        }

        // The role's own name with nothing but filler words around it needs no notice; anything else is the nearest role.
        var rest = $" {key} ".Replace($" {named.Key} ", " ", StringComparison.Ordinal);
        var own = named.Own && rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(Filler.Contains);
        return new RoleChoice(named.Role, own ? null : $"Không có vai trò riêng cho \"{trimmed}\"; dùng {named.Role.Name}.");
    }

    // "ĐV" is how members write "đảng viên" in chat; expanded before matching so "dv dang cong tac" works.
    private static string Abbreviated(string query) =>
        Regex.Replace(VietnameseText.Normalize(query), @"(?i)(?<![\p{L}\d])(đv|dv)(?![\p{L}\d])", "đảng viên");

    private static string Pattern(string alias)
    {
        var folded = VietnameseText.Fold(VietnameseText.Normalize(alias)).ToLowerInvariant();
        var words = Regex.Split(folded, @"[^a-z0-9]+").Where(w => w.Length > 0).Select(Regex.Escape);
        return string.Join(@"[\s,\-–]+", words);
    }
}
