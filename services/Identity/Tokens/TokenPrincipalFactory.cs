using System.Security.Claims;
using Chatbot.Identity.Data;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Chatbot.Identity.Tokens;

/// <summary>Builds the principal OpenIddict turns into tokens: sub, tenant_id, role, tier, all in the access token.</summary>
public sealed class TokenPrincipalFactory(IOptions<IdentityServiceOptions> options)
{
    public ClaimsPrincipal Create(ApplicationUser user, Tenant tenant, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity("chatbot", ChatbotClaimTypes.Subject, ChatbotClaimTypes.Role);
        identity.AddClaim(new Claim(ChatbotClaimTypes.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(ChatbotClaimTypes.TenantId, tenant.Id.ToString()));
        identity.AddClaim(new Claim(ChatbotClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(ChatbotClaimTypes.Tier, tenant.Tier));
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes.Where(s => s == Scopes.OfflineAccess));
        principal.SetAudiences(options.Value.Audience);
        principal.SetDestinations(static _ => [Destinations.AccessToken]);
        return principal;
    }
}
