namespace Chatbot.Billing.Data;

/// <summary>
/// Billing's application role and its one cross-tenant scope. Its connections run as <see cref="Role"/>, and billingdb's
/// row-level security (migration BillingRowLevelSecurity) applies to it: usage_entries, tenant_billing, user_limits,
/// budget_alerts and budget_exhaustions show only the flow's tenant, and nothing without one. Plans and prices are
/// platform-wide (no tenant column).
/// </summary>
public static class BillingTenancy
{
    public const string Role = "billing_app";

    /// <summary>
    /// <see cref="Limits.RedisStateRestorer"/>: publishing every tenant's limits and rebuilding every tenant's counters
    /// into Redis must read all tenants (the reserve script has no database to ask per tenant).
    /// </summary>
    public const string StateRestoreScope = "billing_state_restore";

    public static readonly string[] TenantTables = ["usage_entries", "tenant_billing", "user_limits", "budget_alerts", "budget_exhaustions"];

    /// <summary>The tables <see cref="StateRestoreScope"/> reads.</summary>
    public static readonly string[] StateRestoreTables = ["usage_entries", "tenant_billing", "user_limits"];
}
