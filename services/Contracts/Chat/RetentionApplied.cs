namespace Chatbot.Contracts.Chat;

/// <summary>
/// Chat's retention job has deleted the conversations of <paramref name="TenantId"/> last active before
/// <paramref name="Cutoff"/> (docs/data-lifecycle: retention); the other services drop their content of that age on the
/// same clock (moderation: review items and the masked text of its audit entries). Published through chat's outbox.
/// </summary>
public sealed record RetentionApplied(Guid CorrelationId, DateTimeOffset OccurredAt, Guid TenantId, DateTimeOffset Cutoff) : IMessage;
