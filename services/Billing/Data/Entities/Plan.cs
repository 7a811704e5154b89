namespace Chatbot.Billing.Data.Entities;

/// <summary>Default limits of one tier (free, pro, enterprise). Null = unlimited.</summary>
public sealed class Plan
{
    public required string Tier { get; set; }
    public long? UserTokensPerDay { get; set; }
    public long? TenantTokensPerDay { get; set; }
    public int? RequestsPerMinute { get; set; }
    public decimal? MonthlyBudgetUsd { get; set; }
}
