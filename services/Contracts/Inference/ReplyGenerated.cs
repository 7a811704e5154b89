namespace Chatbot.Contracts.Inference;

/// <summary>A complete reply. <paramref name="PromptRef"/>: see <see cref="GenerateReply"/> (<c>global:v1</c> / <c>tenant:v3</c>).</summary>
public sealed record ReplyGenerated(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid ReplyId,
    Guid TenantId,
    Guid UserId,
    Guid ConversationId,
    string Content,
    string Provider,
    string Model,
    int PromptVersion,
    int InputTokens,
    int OutputTokens,
    decimal Cost,
    long LatencyMs,
    long TimeToFirstTokenMs,
    string? PromptRef = null) : IMessage;
