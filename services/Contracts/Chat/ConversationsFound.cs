namespace Chatbot.Contracts.Chat;

/// <summary>Chat's answer to <see cref="SearchConversations"/>: the matching conversations, best first (none when the query was unusable).</summary>
public sealed record ConversationsFound(Guid CorrelationId, DateTimeOffset OccurredAt, IReadOnlyList<FoundConversation> Conversations) : IMessage;
