namespace Chatbot.Billing.Quotas;

/// <summary>
/// Whether a settlement was applied now (not a repeat), and the totals right after it: the tenant's month spend, the
/// platform's hour spend, the user's and the tenant's tokens today. They include reservations still open, so they are
/// upper bounds of the settled usage (the ledger has the exact figures).
/// </summary>
public sealed record SettleResult(bool Applied, decimal TenantMonthCostUsd, decimal PlatformHourCostUsd, long UserDayTokens, long TenantDayTokens);
