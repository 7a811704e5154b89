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
    /// <summary>Answered from the response cache: <see cref="Cost"/> is at the cache price.</summary>
    public bool Cached { get; set; }
    /// <summary>For a cached reply, what it would have cost at the full price minus what it cost; 0 otherwise.</summary>
    public decimal SavedCost { get; set; }
    public required DateTimeOffset OccurredAt { get; set; }
    public required DateTimeOffset RecordedAt { get; set; }
}
