namespace Chatbot.Billing.Data.Entities;

/// <summary>A threshold alert sent for a tenant and month; the unique key makes each fire once per period.</summary>
public sealed class BudgetAlert
{
    public required Guid TenantId { get; set; }
    public required string Period { get; set; }
    public required int ThresholdPercent { get; set; }
    public required DateTimeOffset SentAt { get; set; }
}
