namespace Chatbot.Billing.Data.Entities;

/// <summary>One user's overrides of the plan's per-user limits.</summary>
public sealed class UserLimit
{
    public required Guid TenantId { get; set; }
    public required Guid UserId { get; set; }
    public long? TokensPerDay { get; set; }
    public int? RequestsPerMinute { get; set; }
}
