namespace Chatbot.Contracts.Inference;

/// <summary>
/// The first token of the reply reached its stream (published once per generation attempt, off the token path).
/// Chat moves the assistant message from pending to streaming; a late or repeated copy never reopens a final status.
/// </summary>
public sealed record ReplyStarted(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid ReplyId,
    Guid TenantId,
    Guid UserId,
    Guid ConversationId,
    string Provider) : IMessage;
