namespace Chatbot.Contracts.Inference;

/// <summary>
/// Asks an inference worker to produce the assistant reply <paramref name="ReplyId"/> (also the assistant message id).
/// Tokens go to the Redis stream of the reply; the outcome is published as <see cref="ReplyGenerated"/> or <see cref="ReplyFailed"/>.
/// <paramref name="BudgetLimited"/>: billing granted fewer output tokens than asked (<paramref name="MaxOutputTokens"/> is the
/// remaining budget); a reply stopped there ends with <c>done</c> marked <c>truncated: "budget"</c>.
/// <paramref name="PromptRef"/> names the system prompt unambiguously: <c>global:v1</c> (the global default) or
/// <c>tenant:v3</c> (the tenant's own version 3); <paramref name="PromptVersion"/> alone cannot tell them apart.
/// <paramref name="Moderated"/>: moderation passed the request on and wrote its output context (canary, placeholder
/// mapping) to Redis alongside this publish; the worker waits briefly for that context and fails closed without it.
/// <paramref name="AwaitCommit"/>: chat published this before the transaction that stores the turn committed (time to first
/// token does not wait for the write). The worker holds the reply until the turn's commit mark
/// (<see cref="ReplyStreamProtocol.CommitKey"/>) says <see cref="ReplyStreamProtocol.Committed"/>, and drops the request
/// without a trace when it says anything else or does not come in time; chat's outbox row then carries the turn.
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
    int MaxOutputTokens,
    bool BudgetLimited = false,
    string? PromptRef = null,
    bool Moderated = false,
    bool AwaitCommit = false) : IMessage;
