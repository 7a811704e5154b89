namespace Chatbot.Contracts.Moderation;

/// <summary>A user reported a reply; moderation puts it in the tenant's review queue. Content is masked by chat's caller.</summary>
public sealed record ReplyReported(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid ReplyId,
    Guid TenantId,
    Guid UserId,
    string Reason,
    string Content) : IMessage;
