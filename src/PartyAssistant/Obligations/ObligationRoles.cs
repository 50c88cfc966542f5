using PartyAssistant.Facts;

namespace PartyAssistant.Obligations;

/// <summary>
/// Kept only so that <see cref="ObligationBook"/> and the nghia-vu command, which other changes are
/// editing, still build: the roles, their aliases and the "nearest role" notice are all in
/// <see cref="RoleLexicon"/>. Delete this once those two call <see cref="RoleLexicon.Resolve"/>.
/// </summary>
public static class ObligationRoles
{
    /// <inheritdoc cref="RoleLexicon.Resolve"/>
    public static RoleChoice? Resolve(string query) => RoleLexicon.Resolve(query);
}
