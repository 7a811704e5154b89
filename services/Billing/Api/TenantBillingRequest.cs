namespace Chatbot.Billing.Api;

/// <summary>Platform admin: a tenant's overrides and whether generation is disabled for it.</summary>
public sealed record TenantBillingRequest(long? UserTokensPerDay, long? TenantTokensPerDay, int? RequestsPerMinute, decimal? MonthlyBudgetUsd, bool Disabled);
