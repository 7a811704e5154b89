namespace Chatbot.Identity.Data;

/// <summary>A one-time code a tenant admin hands out to let someone join that tenant. Only its hash is stored.</summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string CodeHash { get; set; }
    public required string Role { get; set; }
    /// <summary>When set, only this (normalised) e-mail can use the invitation.</summary>
    public string? Email { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public Guid? UsedByUserId { get; set; }
}
