namespace Chatbot.Contracts.Inference;

/// <summary>
/// Asks an inference worker to produce the assistant reply <paramref name="ReplyId"/> (also the assistant message id).
/// Tokens go to the Redis stream of the reply; the outcome is published as <see cref="ReplyGenerated"/> or <see cref="ReplyFailed"/>.
/// </summary>
public sealed record GenerateReply(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid ReplyId,
    Guid TenantId,
    Guid UserId,
    Guid ConversationId,
    Guid UserMessageId,
    string Tier,
    int PromptVersion,
    IReadOnlyList<ChatTurn> Messages,
    int MaxOutputTokens) : IMessage;
