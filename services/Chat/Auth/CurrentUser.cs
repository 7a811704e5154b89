using System.Security.Claims;

namespace Chatbot.Chat.Auth;

/// <summary>
/// The caller as the token describes it: claims <c>sub</c> (user id), <c>tenant_id</c>, <c>role</c> and <c>tier</c>.
/// The one place that reads claims, so the token format can change without touching handlers.
/// </summary>
public sealed record CurrentUser(Guid UserId, Guid TenantId, string Tier, IReadOnlyList<string> Roles)
{
    public const string TenantAdminRole = "tenant-admin";

    public bool IsTenantAdmin => Roles.Any(r => r is TenantAdminRole or "admin");

    /// <summary>The RabbitMQ priority of this caller's requests: enterprise 3 > pro 2 > free 1.</summary>
    public byte Priority => Tier.ToLowerInvariant() switch
    {
        "enterprise" => 3,
        "pro" => 2,
        _ => 1,
    };

    /// <summary>Lets minimal API handlers take a <see cref="CurrentUser"/> parameter (routes require the chat-user policy).</summary>
    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context.User));

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        var sub = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var tenant = principal.FindFirstValue("tenant_id");
        if (!Guid.TryParse(sub, out var userId) || !Guid.TryParse(tenant, out var tenantId))
        {
            return null;
        }
        var roles = principal.FindAll("role").Concat(principal.FindAll(ClaimTypes.Role)).Select(c => c.Value).Distinct().ToList();
        return new CurrentUser(userId, tenantId, principal.FindFirstValue("tier") ?? "free", roles);
    }
}
