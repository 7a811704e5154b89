namespace Chatbot.Billing.Quotas;

/// <summary>Whether a settlement was applied now (not a repeat), and the spend totals right after it.</summary>
public sealed record SettleResult(bool Applied, decimal TenantMonthCostUsd, decimal PlatformHourCostUsd);
