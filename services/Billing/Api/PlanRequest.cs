namespace Chatbot.Billing.Api;

/// <summary>Limits of a plan or a tenant's overrides (null = unlimited for a plan, "use the plan's" for an override).</summary>
public sealed record PlanRequest(long? UserTokensPerDay, long? TenantTokensPerDay, int? RequestsPerMinute, decimal? MonthlyBudgetUsd);
