using Chatbot.Identity.RateLimiting;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Chatbot.Identity.Tokens;

/// <summary>
/// <c>POST /connect/token</c> (OpenIddict passthrough): password grant for the first-party client, refresh-token grant
/// (OpenIddict rotates refresh tokens and revokes the whole chain when a redeemed one is replayed).
/// <c>/connect/revoke</c>, discovery and JWKS are served by OpenIddict itself.
/// </summary>
public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", ExchangeAsync).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> ExchangeAsync(HttpContext http, TokenIssuer issuer, IpRateLimiter limiter, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        if (request.IsPasswordGrantType())
        {
            var limited = await limiter.CheckAsync(http, RateLimitPolicies.Login, ct);
            if (limited is not null)
            {
                return limited;
            }
            return await issuer.PasswordAsync(request.Username ?? "", request.Password ?? "", request.GetScopes(), ct);
        }
        if (request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return await issuer.RefreshAsync(result.Principal, ct);
        }
        return TokenIssuer.Reject(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }
}
