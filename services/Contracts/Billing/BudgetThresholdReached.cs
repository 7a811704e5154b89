namespace Chatbot.Contracts.Billing;

/// <summary>A tenant's spend this month crossed <paramref name="ThresholdPercent"/> (70, 80, 90 or 100) of its budget; published once per period and threshold.</summary>
public sealed record BudgetThresholdReached(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid TenantId,
    string Period,
    int ThresholdPercent,
    decimal SpentUsd,
    decimal BudgetUsd) : IMessage;
