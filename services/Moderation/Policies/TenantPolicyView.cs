namespace Chatbot.Moderation.Policies;

/// <summary>
/// What <c>GET /api/moderation/policy</c> answers: the effective policy, whether it is the tenant's own row
/// (<c>tenant</c>) or the configured default (<c>default</c>), and the row's version.
/// </summary>
public sealed record TenantPolicyView(string Source, int Version, DateTimeOffset? UpdatedAt, TenantPolicyDocument Policy);
