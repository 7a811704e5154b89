using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chatbot.TestSupport;

/// <summary>
/// Handler-level tests only: authenticates from X-Test-* headers carrying the claims identity issues
/// (sub, tenant_id, tier, role; several X-Test-Role values = several roles). End-to-end tests use real identity tokens.
/// </summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue("X-Test-User", out var user))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var claims = new List<Claim>
        {
            new("sub", user.ToString()),
            new("tenant_id", Request.Headers["X-Test-Tenant"].ToString()),
            new("tier", Request.Headers["X-Test-Tier"].ToString() is { Length: > 0 } tier ? tier : "free"),
        };
        claims.AddRange(Request.Headers["X-Test-Role"].Where(r => !string.IsNullOrEmpty(r)).Select(r => new Claim("role", r!)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>Makes every request of <paramref name="client"/> authenticate as this user of this tenant, with one role.</summary>
    public static HttpClient Apply(HttpClient client, Guid user, Guid tenant, string role = "member", string tier = "free")
    {
        client.DefaultRequestHeaders.Add("X-Test-User", user.ToString());
        client.DefaultRequestHeaders.Add("X-Test-Tenant", tenant.ToString());
        client.DefaultRequestHeaders.Add("X-Test-Role", role);
        client.DefaultRequestHeaders.Add("X-Test-Tier", tier);
        return client;
    }
}
