using PartyAssistant.Facts;

namespace PartyAssistant.Obligations;

/// <summary>
/// One duty the documents place on a role. <paramref name="Text"/> is the checklist line (the
/// sentence with its numbering and role prefix removed, nothing reworded); <paramref name="Quote"/>
/// is the sentence exactly as the passage has it; <paramref name="When"/> the deadlines and
/// frequencies it states ("Định kỳ hàng năm; vào cuối năm 2022"), null when none.
/// </summary>
public sealed record Obligation(
    Role Role,
    string Text,
    string Quote,
    string PassageId,
    string Label,
    string DocumentId,
    bool FromSummary,
    string? When);

/// <summary>
/// The checklist of one role: <paramref name="Items"/> are its own duties; <paramref name="Narrower"/> the duties of the
/// narrower roles a person in this role may also be in (đảng viên → đảng viên đang công tác: 8 mục), each group shown
/// under its condition ("Nếu đồng chí là …").
/// </summary>
public sealed record RoleObligations(Role Role, IReadOnlyList<Obligation> Items, IReadOnlyList<ConditionalDuties> Narrower)
{
    /// <summary>What the documents ask of the roles this one belongs to (role-memberships.tsv), each item keeping the role it is from.</summary>
    public IReadOnlyList<Obligation> Inherited { get; init; } = [];
}

/// <summary>The own duties of a narrower role, which apply only to a person who is also in it.</summary>
public sealed record ConditionalDuties(Role Role, IReadOnlyList<Obligation> Items)
{
    public int Count => this.Items.Count;
}
