namespace Chatbot.Billing.Data.Entities;

/// <summary>One reply's usage: an append-only ledger row, exactly one per reply (unique <see cref="ReplyId"/>).</summary>
public sealed class UsageEntry
{
    public long Id { get; set; }
    public required Guid ReplyId { get; set; }
    public required Guid TenantId { get; set; }
    /// <summary>The user, or a pseudonym once the user was deleted (<see cref="Pseudonymised"/>).</summary>
    public required Guid UserId { get; set; }
    public bool Pseudonymised { get; set; }
    public required Guid ConversationId { get; set; }
    public required string Provider { get; set; }
    public required string Model { get; set; }
    public int PromptVersion { get; set; }
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public decimal Cost { get; set; }
    public required DateTimeOffset OccurredAt { get; set; }
    public required DateTimeOffset RecordedAt { get; set; }
}
