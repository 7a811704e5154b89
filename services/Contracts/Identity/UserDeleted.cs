namespace Chatbot.Contracts.Identity;

public sealed record UserDeleted(Guid CorrelationId, DateTimeOffset OccurredAt, Guid TenantId, Guid UserId) : IMessage;
