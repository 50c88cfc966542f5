using PartyAssistant.Text;

namespace PartyAssistant.Facts;

/// <summary>
/// The roles a person in a role also holds (<c>Text/Words/role-memberships.tsv</c>): a bí thư chi bộ
/// is in the chi uỷ and the chi bộ and is a đảng viên, so his checklist carries their duties too; and,
/// the other way, the narrower roles within a role (đảng viên → đảng viên đang công tác).
/// </summary>
public static class RoleMemberships
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<Role>> Direct = Load(WordLists.Rows(WordLists.RoleMemberships));

    /// <summary>Every role <paramref name="role"/> belongs to, nearest first, through the roles it belongs to in turn.</summary>
    public static IReadOnlyList<Role> BelongsTo(Role role)
    {
        var found = new List<Role>();
        var queue = new Queue<Role>(Direct.GetValueOrDefault(role.Id, []));
        while (queue.TryDequeue(out var next))
        {
            if (next.Id != role.Id && !found.Contains(next))
            {
                found.Add(next);
                foreach (var further in Direct.GetValueOrDefault(next.Id, []))
                {
                    queue.Enqueue(further);
                }
            }
        }

        return found;
    }

    /// <summary>The roles that belong to <paramref name="role"/>, in the lexicon's order.</summary>
    public static IReadOnlyList<Role> Within(Role role) =>
        RoleLexicon.Roles.Where(r => r.Id != role.Id && BelongsTo(r).Any(b => b.Id == role.Id)).ToList();

    /// <summary>Reads the rows; an id the lexicon does not know is an error naming it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Role>> Load(IReadOnlyList<string[]> rows)
    {
        Role Known(string id) => RoleLexicon.Roles.FirstOrDefault(r => r.Id == id)
            ?? throw new FormatException($"{WordLists.RoleMemberships}: không có vai trò mã \"{id}\" (các mã: {string.Join(", ", RoleLexicon.Roles.Select(r => r.Id))}).");

        return rows.ToDictionary(
            r => Known(r[0]).Id,
            r => (IReadOnlyList<Role>)(r.Length < 2 ? [] : r[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Known).ToList()),
            StringComparer.Ordinal);
    }
}
