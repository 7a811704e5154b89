namespace Chatbot.ServiceDefaults.Tenancy;

/// <summary>
/// What <c>app.tenant_id</c> holds on one connection's session, as far as <see cref="TenantConnectionInterceptor"/>
/// knows: known (a tenant, or null for empty), unknown (set it before the next command), or about to change with the
/// command that carries the SET (recorded once that command succeeded).
/// </summary>
internal sealed class SessionTenant
{
    private Guid? pending;
    private bool hasPending;

    public bool IsKnown { get; private set; }
    public Guid? Tenant { get; private set; }

    public void Known(Guid? tenant) => (IsKnown, Tenant, hasPending) = (true, tenant, false);

    public void Unknown() => (IsKnown, hasPending) = (false, false);

    public void Pending(Guid? tenant) => (pending, hasPending) = (tenant, true);

    /// <summary>The command that carried the SET succeeded.</summary>
    public void Confirm()
    {
        if (hasPending)
        {
            Known(pending);
        }
    }
}
