namespace Chatbot.Moderation.Data.Entities;

/// <summary>
/// A tenant's own moderation policy (<see cref="Policy"/>: a <c>TenantPolicyDocument</c> as jsonb). A tenant without a
/// row gets the configured policy (<c>Moderation:Tenants:{id}</c>, else <c>Moderation:Default</c>).
/// </summary>
public sealed class TenantPolicy
{
    public Guid TenantId { get; set; }
    public required string Policy { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }
}
