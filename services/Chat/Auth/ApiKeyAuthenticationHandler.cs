using System.Security.Claims;
using System.Text.Encodings.Web;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer cbk_…</c> or <c>X-Api-Key: cbk_…</c>. The principal acts as the key's creator
/// in the key's tenant with the member role and the key's scopes.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiKeyVerifier verifier, DeletedUsers deletedUsers) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyPrefix = "cbk_";
    private const int MaxKeyLength = 100;

    public static string? ReadKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.Count == 1)
        {
            return header[0];
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer " + KeyPrefix, StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length > MaxKeyLength)
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }
        var verified = await verifier.VerifyAsync(key, Context.RequestAborted);
        if (verified is null || await deletedUsers.IsRevokedAsync(verified.UserId.ToString(), Context.RequestAborted))
        {
            return AuthenticateResult.Fail("The API key is invalid or revoked.");
        }
        var identity = new ClaimsIdentity(SchemeName, ChatbotClaimTypes.Subject, ChatbotClaimTypes.Role);
        identity.AddClaim(new Claim(ChatbotClaimTypes.Subject, verified.UserId.ToString()));
        identity.AddClaim(new Claim(ChatbotClaimTypes.TenantId, verified.TenantId.ToString()));
        identity.AddClaim(new Claim(ChatbotClaimTypes.Role, verified.Role));
        identity.AddClaim(new Claim(ChatbotClaimTypes.Tier, verified.Tier));
        identity.AddClaim(new Claim(ChatbotClaimTypes.Scope, string.Join(' ', verified.Scopes)));
        identity.AddClaim(new Claim(ChatbotClaimTypes.ApiKeyId, verified.KeyId.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
