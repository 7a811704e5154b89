namespace Chatbot.Contracts.Inference;

/// <summary>
/// Tokens and cost of one reply, published once per reply; billing dedupes on <paramref name="ReplyId"/>.
/// <paramref name="Cached"/>: answered from the response cache; the tokens and cost are those of the reply it repeats (what
/// the provider call would have cost), and billing charges the cache price instead.
/// </summary>
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
    string? PromptRef = null,
    bool Cached = false) : IMessage;
