namespace Chatbot.Contracts.Inference;

/// <summary>The reply ended without a complete answer. <paramref name="Code"/> is one of <see cref="ReplyFailureCodes"/>.</summary>
public sealed record ReplyFailed(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid ReplyId,
    Guid TenantId,
    Guid UserId,
    Guid ConversationId,
    string Code,
    string Reason,
    string PartialContent) : IMessage;
