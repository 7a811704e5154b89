using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Conversations;

public sealed record ConversationDto(Guid Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ConversationDto From(Conversation c) => new(c.Id, c.Title, c.CreatedAt, c.UpdatedAt);
}
