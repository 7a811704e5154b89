using System.ComponentModel.DataAnnotations;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Policies;

/// <summary>
/// <c>Moderation:*</c>: the default policy, configured per-tenant policies (<c>Moderation:Tenants:{tenantId}</c>; a
/// tenant's <c>tenant_policies</c> row, written through the policy API, is applied over them), how long a
/// reply's output context stays in Redis, and the API's rate limit.
/// </summary>
public sealed class ModerationOptions
{
    public const string SectionName = "Moderation";

    public ModerationPolicy Default { get; set; } = new();

    public Dictionary<Guid, ModerationPolicy> Tenants { get; set; } = [];

    [Range(60, 86_400)]
    public int ContextExpirySeconds { get; set; } = 3600;

    [Range(1, 100_000)]
    public int ApiRequestsPerMinute { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int MaxApiInputChars { get; set; } = 64_000;
}
