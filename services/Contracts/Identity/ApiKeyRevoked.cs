namespace Chatbot.Contracts.Identity;

/// <summary>A tenant's API key was revoked (or its creator deleted): every service caching it must drop it now.</summary>
public sealed record ApiKeyRevoked(Guid CorrelationId, DateTimeOffset OccurredAt, Guid TenantId, Guid ApiKeyId) : IMessage;
