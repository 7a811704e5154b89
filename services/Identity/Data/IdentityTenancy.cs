namespace Chatbot.Identity.Data;

/// <summary>
/// Identity's application role and its cross-tenant scopes. Its connections run as <see cref="Role"/>; identitydb's
/// row-level security (migrations RowLevelSecurity and UserRowLevelSecurity) applies to the tenant-scoped tables in
/// <see cref="TenantTables"/> and <see cref="UserTables"/>. The other tables are platform-wide; the decision per table is
/// in docs/security.md.
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

    /// <summary>
    /// <c>SECURITY DEFINER</c> lookup: the tenant id of the user with a normalized e-mail, nothing else (sign-in,
    /// registration, resend, forgot and reset password, the bootstrap admin; <see cref="Accounts.UserTenants"/>).
    /// </summary>
    public const string UserTenantByEmail = "identity_user_tenant_by_email";

    /// <summary><c>SECURITY DEFINER</c> lookup: the tenant id of a user by id (the confirm link, the refresh grant).</summary>
    public const string UserTenantById = "identity_user_tenant_by_id";

    public static readonly string[] TenantTables = ["\"ApiKeys\"", "\"Invitations\""];

    /// <summary>ASP.NET Core Identity's user table (its tenant column) and the tables of a user's rows (tenant through the user).</summary>
    public static readonly string[] UserTables = ["\"AspNetUsers\"", "\"AspNetUserClaims\"", "\"AspNetUserLogins\"", "\"AspNetUserTokens\""];
}
