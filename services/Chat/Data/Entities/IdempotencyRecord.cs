namespace Chatbot.Chat.Data.Entities;

/// <summary>One <c>Idempotency-Key</c> a user sent, the hash of its request and the ids it produced.</summary>
public sealed class IdempotencyRecord
{
    public required Guid TenantId { get; init; }
    public required Guid UserId { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public required Guid ConversationId { get; init; }
    public required Guid MessageId { get; init; }
    public required Guid ReplyId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
