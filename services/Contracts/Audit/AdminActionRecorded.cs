namespace Chatbot.Contracts.Audit;

/// <summary>
/// An administrator changed something (docs/audit.md): who (<paramref name="ActorId"/>), in which service, what
/// (<paramref name="Action"/>, e.g. <c>moderation.policy.updated</c>, on <paramref name="Target"/>), when, and the state
/// before and after as JSON (null where there was none; never secrets, prompt text or personal data beyond ids).
/// Chat stores every one in its append-only audit log, read through <c>GET /api/audit</c>.
/// </summary>
public sealed record AdminActionRecorded(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid TenantId,
    Guid ActorId,
    string Service,
    string Action,
    string Target,
    string? Before,
    string? After) : IMessage;
