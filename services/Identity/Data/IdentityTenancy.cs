namespace Chatbot.Identity.Data;

/// <summary>
/// Identity's application role and its cross-tenant scopes. Its connections run as <see cref="Role"/>; identitydb's
/// row-level security (migration RowLevelSecurity) applies to the tenant-scoped tables in <see cref="TenantTables"/>.
/// The other tables are platform-wide or must be read before a tenant is known; the decision per table is in
/// docs/security.md.
/// </summary>
public static class IdentityTenancy
{
    public const string Role = "identity_app";

    /// <summary>
    /// <c>POST /internal/api-keys/verify</c>: a presented key is looked up by its hash, before anyone knows its tenant.
    /// </summary>
    public const string ApiKeyVerifyScope = "api_key_verify";

    /// <summary>Sign-up with an invitation code: the code is looked up by its hash (and marked used) before its tenant is known.</summary>
    public const string InvitationRedeemScope = "invitation_redeem";

    public static readonly string[] TenantTables = ["\"ApiKeys\"", "\"Invitations\""];
}
