using System.Text.Json.Serialization;
using PartyAssistant.Facts;

namespace PartyAssistant.Obligations;

/// <summary>A role and how many duties the documents give it (`nghia-vu --json` without a role, `GET /api/roles`).</summary>
public sealed record RoleCountView(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("items")] int Items)
{
    public static IReadOnlyList<RoleCountView> From(IEnumerable<RoleObligations> all) => [.. all.Select(r => new RoleCountView(r.Role.Id, r.Role.Name, r.Items.Count))];
}

/// <summary>A role's cited checklist (`nghia-vu ROLE --json`, `GET /api/roles/{role}/obligations`).</summary>
public sealed record RoleChecklistView(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("role_name")] string RoleName,
    [property: JsonPropertyName("nearest_role_note")] string? NearestRoleNote,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("items")] IReadOnlyList<ObligationView> Items,
    [property: JsonPropertyName("inherited")] IReadOnlyList<ObligationView> Inherited,
    [property: JsonPropertyName("narrower")] IReadOnlyList<NarrowerRoleView> Narrower)
{
    public static RoleChecklistView From(RoleChoice choice, RoleObligations list)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(list);
        return new RoleChecklistView(
            choice.Role.Id,
            choice.Role.Name,
            choice.Nearest,
            list.Items.Count + list.Inherited.Count == 0 ? ObligationText.Checklist(list) : null,
            [.. list.Items.Select(ObligationView.From)],
            [.. list.Inherited.Select(ObligationView.From)],
            [.. list.Narrower.Select(n => new NarrowerRoleView(n.Role.Id, n.Role.Name, n.Count, [.. n.Items.Select(ObligationView.From)]))]);
    }
}

/// <summary>A narrower role a person of the role may also hold ("đảng viên đang công tác"), with the duties it adds.</summary>
public sealed record NarrowerRoleView(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("duties")] IReadOnlyList<ObligationView> Duties);

public sealed record ObligationView(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("passage_id")] string PassageId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("quote")] string Quote,
    [property: JsonPropertyName("when")] string? When,
    [property: JsonPropertyName("from_summary")] bool FromSummary,
    [property: JsonPropertyName("from_role")] string FromRole,
    [property: JsonPropertyName("note")] string? Note)
{
    public static ObligationView From(Obligation item) =>
        new(item.Text, item.PassageId, item.Label, item.Quote, item.When, item.FromSummary, item.Role.Id, item.FromSummary ? ObligationText.SummaryMark : null);
}

/// <summary>The error a script asking for JSON gets for an unknown role (so stdout is never empty).</summary>
public sealed record ErrorView([property: JsonPropertyName("error")] string Error);
