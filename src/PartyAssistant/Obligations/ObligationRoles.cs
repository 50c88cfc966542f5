using System.Text.RegularExpressions;
using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Obligations;

/// <summary>A role a user asked for, and the notice to show when the nearest role stands in for what was asked.</summary>
public sealed record RoleChoice(Role Role, string? Nearest);

/// <summary>
/// The role names the checklists read, beyond the shared lexicon: bodies the documents give duties
/// to that have no role of their own. Each is mapped to the role whose checklist holds its duties —
/// the Đoàn Thanh niên is one of the đoàn thể (tổ chức chính trị - xã hội), and a tổ chức cơ sở đảng
/// is a tổ chức đảng — so a duty given to them is found, and a user asking for them is told which
/// role answers.
/// </summary>
public static class ObligationRoles
{
    private static readonly (string Alias, string RoleId)[] Extra =
    [
        ("tổ chức cơ sở đảng", "cap-uy"),
        ("các tổ chức cơ sở đảng", "cap-uy"),
        ("ban thường vụ đoàn thanh niên cộng sản hồ chí minh tỉnh", "mttq-doan-the"),
        ("ban thường vụ đoàn thanh niên cộng sản hồ chí minh", "mttq-doan-the"),
        ("đoàn thanh niên cộng sản hồ chí minh", "mttq-doan-the"),
        ("ban thường vụ đoàn thanh niên", "mttq-doan-the"),
        ("đoàn thanh niên", "mttq-doan-the"),
        ("tỉnh đoàn", "mttq-doan-the"),
    ];

    // Words a user adds around a role name that do not make it another role: "nghĩa vụ của bí thư chi bộ".
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "nghia", "vu", "nhiem", "trach", "cua", "cac", "nhung", "la", "gi", "ap", "khom",
    };

    private static readonly Regex AnyExtra = new(
        @"(?<![a-z0-9])(" + string.Join('|', Extra.Select(e => Pattern(e.Alias)).OrderByDescending(p => p.Length)) + @")(?![a-z0-9])",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, Role> ExtraByKey = Extra
        .GroupBy(e => VietnameseText.MatchKey(e.Alias), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => RoleLexicon.Roles.First(r => r.Id == g.First().RoleId), StringComparer.Ordinal);

    /// <summary>Every role a text names, the shared lexicon's and these, in order, without overlaps (the longer name wins).</summary>
    public static IReadOnlyList<RoleMention> Find(string text)
    {
        var mentions = RoleLexicon.Find(text).ToList();
        var normalized = VietnameseText.Normalize(text);
        var folded = VietnameseText.Fold(normalized).ToLowerInvariant();
        if (folded.Length != normalized.Length)
        {
            return mentions;
        }

        foreach (Match match in AnyExtra.Matches(folded))
        {
            if (!ExtraByKey.TryGetValue(VietnameseText.MatchKey(match.Value), out var role))
            {
                continue;
            }

            var overlapping = mentions.Where(m => m.Start < match.Index + match.Length && match.Index < m.Start + m.Length).ToList();
            if (overlapping.All(m => m.Length < match.Length))
            {
                mentions.RemoveAll(overlapping.Contains);
                mentions.Add(new RoleMention(role, match.Index, match.Length));
            }
        }

        return mentions.OrderBy(m => m.Start).ToList();
    }

    /// <summary>
    /// The role a user means, with a notice when it is only the nearest one: "phó bí thư chi bộ" has no
    /// checklist of its own and gets the bí thư's, "đảng viên dự bị" the đảng viên's. Null when none is named.
    /// </summary>
    public static RoleChoice? Resolve(string query)
    {
        var key = VietnameseText.MatchKey(query);
        if (RoleLexicon.Resolve(query) is { } role)
        {
            return new RoleChoice(role, Exact(key, query, role) ? null : Notice(query, role));
        }

        var extra = ExtraByKey.Where(e => $" {key} ".Contains($" {e.Key} ", StringComparison.Ordinal)).OrderByDescending(e => e.Key.Length).FirstOrDefault();
        return extra.Value is null ? null : new RoleChoice(extra.Value, Notice(query, extra.Value));
    }

    private static bool Exact(string key, string query, Role role)
    {
        if (string.Equals(query.Trim(), role.Id, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // What is left of the query once the role's longest alias in it is taken out must be filler words.
        var expanded = VietnameseText.MatchKey(Regex.Replace(VietnameseText.Normalize(query), @"(?i)(?<![\p{L}\d])(đv|dv)(?![\p{L}\d])", "đảng viên"));
        var alias = role.Aliases.Select(VietnameseText.MatchKey)
            .Where(a => $" {expanded} ".Contains($" {a} ", StringComparison.Ordinal))
            .OrderByDescending(a => a.Length)
            .FirstOrDefault();
        if (alias is null)
        {
            return key.Length == 0;
        }

        var rest = $" {expanded} ".Replace($" {alias} ", " ", StringComparison.Ordinal);
        return rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(Filler.Contains);
    }

    private static string Notice(string query, Role role) => $"Không có vai trò riêng cho \"{query.Trim()}\"; dùng {role.Name}.";

    private static string Pattern(string alias)
    {
        var folded = VietnameseText.Fold(VietnameseText.Normalize(alias)).ToLowerInvariant();
        return string.Join(@"[\s,\-–]+", Regex.Split(folded, @"[^a-z0-9]+").Where(w => w.Length > 0).Select(Regex.Escape));
    }
}
