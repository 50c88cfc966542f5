using System.Text;
using PartyAssistant.Facts;

namespace PartyAssistant.Obligations;

/// <summary>The checklists as plain text, for the terminal and the bots: one paragraph an item, so long lists split cleanly.</summary>
public static class ObligationText
{
    public const string SummaryMark = "theo bản tóm tắt, không phải nguyên văn";

    public static string Checklist(RoleObligations list)
    {
        if (list.Items.Count == 0)
        {
            var sb = new StringBuilder($"Các văn bản đã nạp không quy định nghĩa vụ riêng cho {list.Role.Name}.");
            foreach (var (role, count) in list.Narrower)
            {
                sb.Append($" Có {count} mục cho {role.Name} (mã vai trò: {role.Id}).");
            }

            return sb.ToString();
        }

        var text = new StringBuilder($"Nghĩa vụ của {list.Role.Name} theo các văn bản đã nạp ({list.Items.Count} mục):");
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            text.Append("\n\n").Append(i + 1).Append(". ☐ ").Append(item.Text)
                .Append("\n   ").Append(item.Label).Append(item.FromSummary ? $" ({SummaryMark})" : string.Empty)
                .Append(" — xem ").Append(item.PassageId);
            if (item.When is not null)
            {
                text.Append("\n   Thời hạn, tần suất: ").Append(item.When);
            }
        }

        if (list.Items.Any(i => i.FromSummary))
        {
            text.Append("\n\nCác mục lấy từ bản tóm tắt không chính thức cần đối chiếu với văn bản gốc.");
        }

        return text.ToString();
    }

    /// <param name="usage">How to ask for one role on this channel: "/nghiavu vai trò", "nghia-vu <vai trò>".</param>
    public static string RoleList(IReadOnlyList<RoleObligations> all, string usage)
    {
        var sb = new StringBuilder("Nghĩa vụ theo vai trò (số mục trong các văn bản đã nạp):");
        foreach (var list in all)
        {
            sb.Append("\n• ").Append(list.Role.Name).Append(" (").Append(list.Role.Id).Append("): ").Append(list.Items.Count).Append(" mục");
        }

        return sb.Append("\n\nXem một vai trò: ").Append(usage).ToString();
    }

    public static string Unknown(string query) =>
        $"Không nhận ra vai trò \"{query.Trim()}\". Các vai trò đã biết: "
        + string.Join("; ", RoleLexicon.Roles.Select(r => $"{r.Name} ({r.Id})")) + ".";
}
