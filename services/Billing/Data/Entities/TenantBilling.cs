namespace Chatbot.Billing.Data.Entities;

/// <summary>A tenant's overrides of its plan, its disable switch and where its alerts go.</summary>
public sealed class TenantBilling
{
    public required Guid TenantId { get; set; }
    public long? UserTokensPerDay { get; set; }
    public long? TenantTokensPerDay { get; set; }
    public int? RequestsPerMinute { get; set; }
    public decimal? MonthlyBudgetUsd { get; set; }
    /// <summary>The tier identity last told billing about (<c>TenantTierChanged</c>); picks the plan for alerts and the usage API.</summary>
    public string Tier { get; set; } = "free";
    public bool Disabled { get; set; }
    public string? WebhookUrl { get; set; }
    public string? WebhookSecret { get; set; }
    public string? AlertEmail { get; set; }
}
