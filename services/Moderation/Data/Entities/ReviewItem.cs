namespace Chatbot.Moderation.Data.Entities;

/// <summary>A flagged input, a cut output or a user report waiting for a tenant admin's decision. Text is masked.</summary>
public sealed class ReviewItem
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid? UserId { get; set; }
    public Guid? ReplyId { get; set; }
    public required string Source { get; set; }
    public required string Categories { get; set; }
    public required string MaskedText { get; set; }
    public required string Status { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
