using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Outlines;

/// <summary>
/// Who a session is for (audiences.tsv): <paramref name="We"/> is how a discussion question addresses them ("chi bộ
/// ta"), <paramref name="Roles"/> the roles whose duties and targets fall to them.
/// </summary>
public sealed record Audience(string Id, string Name, string We, IReadOnlySet<string> Roles, IReadOnlyList<string> Aliases)
{
    /// <summary>Whether a point naming <paramref name="roles"/> is for this audience: it names none (a general directive) or one of its roles.</summary>
    public bool Concerns(IReadOnlyCollection<Role> roles) => roles.Count == 0 || roles.Any(r => this.Roles.Contains(r.Id));
}

/// <summary>The audiences an outline can be made for, read from the word list, and how a user's typing names one.</summary>
public static class Audiences
{
    private static readonly Lazy<IReadOnlyList<Audience>> All = new(() => Load(WordLists.Rows(WordLists.Audiences)));

    public static IReadOnlyList<Audience> Known => All.Value;

    /// <summary>A cell meeting is the session an outline is made for unless told otherwise.</summary>
    public static Audience Default => Known[0];

    /// <summary>The audience a user typed ("chi bo", "Đảng uỷ xã", "cap-uy-tinh"), or null.</summary>
    public static Audience? Resolve(string? typed)
    {
        var key = VietnameseText.MatchKey(typed ?? string.Empty);
        return key.Length == 0
            ? null
            : Known.FirstOrDefault(a => a.Id.Equals(typed!.Trim(), StringComparison.OrdinalIgnoreCase)
                || a.Aliases.Prepend(a.Name).Any(alias => VietnameseText.MatchKey(alias) == key));
    }

    /// <summary>The message for an audience nobody knows: the known ones, as they can be typed.</summary>
    public static string Unknown(string typed) =>
        $"Không có đối tượng \"{typed.Trim()}\". Các đối tượng: {string.Join("; ", Known.Select(a => $"{a.Name} ({a.Id})"))}.";

    /// <summary>Reads the rows; a role id `nghia-vu` does not know is an error naming it.</summary>
    public static IReadOnlyList<Audience> Load(IReadOnlyList<string[]> rows) =>
        rows.Select(r =>
        {
            if (r.Length < 4)
            {
                throw new FormatException($"{WordLists.Audiences}: dòng \"{string.Join(' ', r)}\" cần ít nhất 4 cột (mã, tên, cách gọi, vai trò).");
            }

            var roles = r[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            if (roles.FirstOrDefault(id => RoleLexicon.Roles.All(role => role.Id != id)) is { } unknown)
            {
                throw new FormatException($"{WordLists.Audiences}: không có vai trò mã \"{unknown}\" (các mã: {string.Join(", ", RoleLexicon.Roles.Select(role => role.Id))}).");
            }

            var aliases = r.Length > 4 ? r[4].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            return new Audience(r[0], r[1], r[2], roles, aliases);
        }).ToList();
}
