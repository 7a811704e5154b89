namespace Chatbot.ServiceDefaults.Authentication;

/// <summary>Policy names registered by <c>AddDefaultAuthentication()</c>; use them in <c>RequireAuthorization(...)</c>.</summary>
public static class AuthorizationPolicies
{
    /// <summary>Any signed-in user of a tenant (member, tenant admin or platform admin).</summary>
    public const string Member = "member";
    /// <summary>Administers the caller's own tenant (tenant admin or platform admin).</summary>
    public const string TenantAdmin = "tenant-admin";
    /// <summary>Operates the platform (tiers of every tenant).</summary>
    public const string PlatformAdmin = "platform-admin";
}
