using System.Text;
using PartyAssistant.Facts;

namespace PartyAssistant.Obligations;

/// <summary>The checklists as plain text, for the terminal and the bots: one paragraph an item, so long lists split cleanly.</summary>
public static class ObligationText
{
    public const string SummaryMark = "theo bản tóm tắt, không phải nguyên văn";

    public static string Checklist(RoleObligations list)
    {
        var text = new StringBuilder();
        if (list.Items.Count == 0)
        {
            text.Append($"Các văn bản đã nạp không quy định nghĩa vụ riêng cho {list.Role.Name}.");
        }
        else
        {
            text.Append($"Nghĩa vụ của {list.Role.Name} theo các văn bản đã nạp ({list.Items.Count} mục):");
            AppendItems(text, list.Items, 1, from: null);
        }

        if (list.Inherited.Count > 0)
        {
            var roles = list.Inherited.Select(i => i.Role).Distinct().ToList();
            text.Append($"\n\n{list.Role.Name} còn thuộc {string.Join(", ", roles.Select(r => r.Name))}, nên có cả các nghĩa vụ sau ({list.Inherited.Count} mục):");
            AppendItems(text, list.Inherited, list.Items.Count + 1, from: list.Role);
        }

        var shown = list.Items.Count + list.Inherited.Count;
        foreach (var group in list.Narrower)
        {
            // Cited in full, so a member sees what applies to them; numbered on from the list above.
            text.Append($"\n\nNếu đồng chí là {Lower(group.Role.Name)}: {group.Count} mục — xem nghia-vu {group.Role.Id}.");
            AppendItems(text, group.Items, shown + 1, from: null);
            shown += group.Count;
        }

        if (list.Items.Concat(list.Inherited).Concat(list.Narrower.SelectMany(g => g.Items)).Any(i => i.FromSummary))
        {
            text.Append("\n\nCác mục lấy từ bản tóm tắt không chính thức cần đối chiếu với văn bản gốc.");
        }

        return text.ToString();
    }

    /// <param name="from">The role whose list it is, when the items come from roles it belongs to: each says which.</param>
    private static void AppendItems(StringBuilder text, IReadOnlyList<Obligation> items, int first, Role? from)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            text.Append("\n\n").Append(first + i).Append(". ☐ ").Append(item.Text);
            if (from is not null)
            {
                text.Append("\n   (nghĩa vụ của ").Append(item.Role.Name).Append(')');
            }

            text.Append("\n   ").Append(item.Label).Append(item.FromSummary ? $" ({SummaryMark})" : string.Empty)
                .Append(" — xem ").Append(item.PassageId);
            if (item.When is not null)
            {
                text.Append("\n   Thời hạn, tần suất: ").Append(item.When);
            }
        }
    }

    private static string Lower(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <param name="usage">How to ask for one role on this channel: "/nghiavu vai trò", "nghia-vu <vai trò>".</param>
    public static string RoleList(IReadOnlyList<RoleObligations> all, string usage)
    {
        var sb = new StringBuilder("Nghĩa vụ theo vai trò (số mục trong các văn bản đã nạp):");
        foreach (var list in all)
        {
            sb.Append("\n• ").Append(list.Role.Name).Append(" (").Append(list.Role.Id).Append("): ").Append(list.Items.Count).Append(" mục");
            if (list.Inherited.Count > 0)
            {
                sb.Append(" (và ").Append(list.Inherited.Count).Append(" mục của các vai trò đồng chí cũng thuộc về)");
            }
        }

        return sb.Append("\n\nXem một vai trò: ").Append(usage).ToString();
    }

    public static string Unknown(string query) =>
        $"Không nhận ra vai trò \"{query.Trim()}\". Các vai trò đã biết: "
        + string.Join("; ", RoleLexicon.Roles.Select(r => $"{r.Name} ({r.Id})")) + ".";
}
