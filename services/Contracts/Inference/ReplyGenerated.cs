namespace Chatbot.Contracts.Inference;

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
    long TimeToFirstTokenMs) : IMessage;
