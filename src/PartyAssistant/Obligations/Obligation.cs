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
/// The checklist of one role: <paramref name="Items"/> are its own duties; <paramref name="Narrower"/> names the roles
/// within it that have items of their own (đảng viên → đảng viên đang công tác: 8 mục).
/// </summary>
public sealed record RoleObligations(Role Role, IReadOnlyList<Obligation> Items, IReadOnlyList<(Role Role, int Count)> Narrower)
{
    /// <summary>What the documents ask of the roles this one belongs to (role-memberships.tsv), each item keeping the role it is from.</summary>
    public IReadOnlyList<Obligation> Inherited { get; init; } = [];
}
