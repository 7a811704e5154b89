namespace Chatbot.Contracts.Tools;

/// <summary>
/// One step of a tool call in a reply, for the audit log (moderation records it; a general audit view can route it by
/// <paramref name="Outcome"/>): <see cref="ToolCallOutcomes"/> called, failed, refused, approval_requested, approved, denied,
/// result_flagged. <paramref name="Reason"/> says why in plain words, never argument values; <paramref name="ArgumentsHash"/>
/// is the SHA-256 (hex) of the arguments' JSON. <paramref name="Actor"/>: <c>inference-worker</c>, or the user who decided.
/// </summary>
public sealed record ToolCallAudited(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid ReplyId,
    Guid TenantId,
    Guid UserId,
    string ToolName,
    string Risk,
    string CallId,
    string Outcome,
    string Reason,
    string ArgumentsHash,
    string Actor) : IMessage;
