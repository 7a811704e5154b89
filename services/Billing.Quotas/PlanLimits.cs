namespace Chatbot.Billing.Quotas;

/// <summary>Limits of one plan (tier). Null = unlimited.</summary>
public sealed class PlanLimits
{
    public long? UserTokensPerDay { get; set; }
    public long? TenantTokensPerDay { get; set; }
    public int? RequestsPerMinute { get; set; }
    public decimal? MonthlyBudgetUsd { get; set; }
}
