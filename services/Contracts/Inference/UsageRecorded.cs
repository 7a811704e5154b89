namespace Chatbot.Contracts.Inference;

/// <summary>Tokens and cost of one reply, published once per reply; billing dedupes on <paramref name="ReplyId"/>.</summary>
public sealed record UsageRecorded(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid ReplyId,
    Guid TenantId,
    Guid UserId,
    Guid ConversationId,
    string Provider,
    string Model,
    int PromptVersion,
    int InputTokens,
    int OutputTokens,
    decimal Cost,
    string? PromptRef = null) : IMessage;
