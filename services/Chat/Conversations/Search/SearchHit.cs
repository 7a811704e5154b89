namespace Chatbot.Chat.Conversations.Search;

/// <summary>One row of <see cref="ConversationSearch"/>'s query: a conversation and its best rank (title or a message).</summary>
public sealed record SearchHit(Guid Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, float Rank)
{
    public ConversationDto ToDto() => new(Id, Title, CreatedAt, UpdatedAt);
}
