namespace Chatbot.Contracts.Moderation;

/// <summary>
/// Moderation rejected a user message: it never reaches a provider and costs no tokens. Chat stores the message and its
/// reply as blocked; billing can release a reservation. <paramref name="Reason"/> is user-readable and quotes nothing.
/// </summary>
public sealed record InputBlocked(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid ReplyId,
    Guid TenantId,
    Guid UserId,
    Guid ConversationId,
    Guid UserMessageId,
    IReadOnlyList<string> Categories,
    string Reason) : IMessage;
