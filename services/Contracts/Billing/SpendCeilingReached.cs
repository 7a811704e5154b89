namespace Chatbot.Contracts.Billing;

/// <summary>The platform's spend in the hour <paramref name="Hour"/> (yyyyMMddHH UTC) passed the ceiling: the kill switch is on.</summary>
public sealed record SpendCeilingReached(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    string Hour,
    decimal SpentUsd,
    decimal CeilingUsd) : IMessage;
