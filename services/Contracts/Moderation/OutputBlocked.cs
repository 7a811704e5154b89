namespace Chatbot.Contracts.Moderation;

/// <summary>
/// The worker's output guard cut a reply (<paramref name="Category"/>: <c>system_prompt_leak</c>, <c>secret</c>...).
/// Moderation writes it to the audit log and the tenant's review queue. <paramref name="MaskedExcerpt"/> is the reply up
/// to the cut with every PII value, secret and the canary replaced; <paramref name="ExcerptHash"/> is the SHA-256 (hex)
/// of the unmasked text. The message id is derived from the reply id, so a republish is deduplicated.
/// </summary>
public sealed record OutputBlocked(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid ReplyId,
    Guid TenantId,
    Guid UserId,
    Guid ConversationId,
    string Category,
    string MaskedExcerpt,
    string ExcerptHash) : IMessage;
