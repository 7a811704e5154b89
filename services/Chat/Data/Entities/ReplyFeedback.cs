namespace Chatbot.Chat.Data.Entities;

/// <summary>A user's thumbs up or down (and optional comment) on one of their replies; one per user and reply, changeable.</summary>
public sealed class ReplyFeedback
{
    public required Guid Id { get; init; }
    public required Guid TenantId { get; init; }
    public required Guid UserId { get; init; }
    public required Guid ReplyId { get; init; }
    /// <summary><c>up</c> or <c>down</c>.</summary>
    public required string Rating { get; set; }
    public string? Comment { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; set; }
}
