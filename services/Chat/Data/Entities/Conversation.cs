namespace Chatbot.Chat.Data.Entities;

public sealed class Conversation
{
    public required Guid Id { get; init; }
    public required Guid TenantId { get; init; }
    public required Guid UserId { get; init; }
    public required string Title { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; set; }
    public List<Message> Messages { get; init; } = [];
}
