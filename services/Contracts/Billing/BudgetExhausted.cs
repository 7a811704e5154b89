namespace Chatbot.Contracts.Billing;

/// <summary>
/// A limit is used up: the settled usage of <paramref name="Scope"/> (<c>tenant_monthly_budget</c> in USD,
/// <c>tenant_tokens_per_day</c> or <c>user_tokens_per_day</c> in tokens) reached 100 % of <paramref name="Limit"/> in
/// <paramref name="Period"/> (yyyyMM or yyyyMMdd, UTC); new generations of that scope are refused until
/// <paramref name="ResetsAt"/>. Published once per scope and period. <paramref name="UserId"/> is set for the user scope only.
/// </summary>
public sealed record BudgetExhausted(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid TenantId,
    Guid? UserId,
    string Scope,
    string Period,
    decimal Used,
    decimal Limit,
    DateTimeOffset ResetsAt) : IMessage;
