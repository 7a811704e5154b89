using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Chatbot.ServiceDefaults.Authentication;

/// <summary>
/// The caller as the token describes it: claims <c>sub</c> (user id), <c>tenant_id</c>, <c>role</c> and <c>tier</c>.
/// The one current-user type of every service and the one place claims are read (names from <see cref="ChatbotClaimTypes"/>);
/// handlers take it as a parameter.
/// </summary>
public sealed record CurrentUser(Guid UserId, Guid TenantId, string Tier, IReadOnlyList<string> Roles)
{
    public bool IsTenantAdmin => Roles.Any(r => r is ChatbotRoles.TenantAdmin or ChatbotRoles.PlatformAdmin);

    /// <summary>Lets minimal API handlers take a <see cref="CurrentUser"/> parameter (routes require an authenticated caller).</summary>
    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context.User));

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        var sub = principal.FindFirstValue(ChatbotClaimTypes.Subject) ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var tenant = principal.FindFirstValue(ChatbotClaimTypes.TenantId);
        if (!Guid.TryParse(sub, out var userId) || !Guid.TryParse(tenant, out var tenantId))
        {
            return null;
        }
        var roles = principal.FindAll(ChatbotClaimTypes.Role).Concat(principal.FindAll(ClaimTypes.Role)).Select(c => c.Value).Distinct().ToList();
        return new CurrentUser(userId, tenantId, principal.FindFirstValue(ChatbotClaimTypes.Tier) ?? ChatbotTiers.Free, roles);
    }
}
