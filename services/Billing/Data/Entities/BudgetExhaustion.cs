namespace Chatbot.Billing.Data.Entities;

/// <summary>
/// A <c>BudgetExhausted</c> published for a scope (<c>tenant_monthly_budget</c>, <c>tenant_tokens_per_day</c>,
/// <c>user_tokens_per_day</c>), its subject (the tenant, or the user for the user scope) and period; the primary key
/// makes each fire once, whatever the number of billing replicas settling at once.
/// </summary>
public sealed class BudgetExhaustion
{
    public required Guid TenantId { get; set; }
    public required string Scope { get; set; }
    public required Guid SubjectId { get; set; }
    public required string Period { get; set; }
    public required DateTimeOffset SentAt { get; set; }
}
