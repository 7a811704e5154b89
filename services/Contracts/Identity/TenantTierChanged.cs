namespace Chatbot.Contracts.Identity;

public sealed record TenantTierChanged(Guid CorrelationId, DateTimeOffset OccurredAt, Guid TenantId, string Tier) : IMessage;
