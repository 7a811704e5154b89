namespace Chatbot.Moderation.Data.Entities;

/// <summary>
/// Who, what, when and the verdict. Text is stored only masked (every PII and secret replaced) and as a SHA-256 hash
/// of the text, never raw.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid? UserId { get; set; }
    public Guid? ReplyId { get; set; }
    public required string Actor { get; set; }
    public required string Subject { get; set; }
    public required string Verdict { get; set; }
    public required string Categories { get; set; }
    public string? TextHash { get; set; }
    public string? MaskedText { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The bus message that caused the entry (unique): a redelivered or republished message is not audited twice.</summary>
    public Guid? MessageId { get; set; }
}
