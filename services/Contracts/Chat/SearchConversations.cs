namespace Chatbot.Contracts.Chat;

/// <summary>
/// A request (MassTransit request/response) from the inference worker's built-in <c>conversation_search</c> tool: chat
/// searches the conversations of <paramref name="UserId"/> in <paramref name="TenantId"/> (the reply's own user and
/// tenant, under chatdb's row-level security as that tenant) for <paramref name="Query"/> (web search syntax, at most 256
/// characters) and answers <see cref="ConversationsFound"/> with at most <paramref name="Limit"/> of them, best first.
/// </summary>
public sealed record SearchConversations(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid TenantId,
    Guid UserId,
    string Query,
    int Limit) : IMessage;
