namespace Chatbot.Billing.Limits;

/// <summary>A tenant's limits after its overrides are applied to its plan (null = unlimited).</summary>
public sealed record EffectiveLimits(string Tier, long? UserTokensPerDay, long? TenantTokensPerDay, int? RequestsPerMinute, decimal? MonthlyBudgetUsd);
