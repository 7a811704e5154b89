using System.Collections.Immutable;
using System.Security.Claims;
using Chatbot.Identity.Accounts;
using Chatbot.Identity.Data;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Chatbot.Identity.Tokens;

/// <summary>Decides the token requests: credentials, lockout, confirmed e-mail, and that the user still exists.</summary>
public sealed class TokenIssuer(UserManager<ApplicationUser> users, UserTenants tenants, IdentityDbContext db, CredentialChecker credentials,
    TokenPrincipalFactory principals, IOptions<IdentityServiceOptions> options)
{
    public const string InvalidCredentials = "The e-mail address or password is incorrect, or the account is temporarily locked.";

    public async Task<IResult> PasswordAsync(string email, string password, ImmutableArray<string> scopes, CancellationToken ct)
    {
        var check = await credentials.CheckAsync(email, password, ct);
        if (check.User is null)
        {
            return Reject(Errors.InvalidGrant, InvalidCredentials);
        }
        if (options.Value.RequireConfirmedEmail == true && !check.User.EmailConfirmed)
        {
            return Reject(Errors.InvalidGrant, "The e-mail address is not confirmed yet.");
        }
        return await SignInAsync(check.User, scopes, ct);
    }

    public async Task<IResult> RefreshAsync(ClaimsPrincipal? previous, CancellationToken ct)
    {
        var invalid = Reject(Errors.InvalidGrant, "The refresh token is no longer valid.");
        if (!Guid.TryParse(previous?.FindFirst(ChatbotClaimTypes.Subject)?.Value, out var subject))
        {
            return invalid;
        }
        // The user is read as their tenant (row-level security); the subject's tenant comes from identity's own lookup.
        return await tenants.WithUserByIdAsync(subject, async user => user is null || await users.IsLockedOutAsync(user)
            ? invalid
            : await SignInAsync(user, previous!.GetScopes(), ct), ct);
    }

    private async Task<IResult> SignInAsync(ApplicationUser user, IEnumerable<string> scopes, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == user.TenantId, ct);
        return Results.SignIn(principals.Create(user, tenant, scopes), properties: null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public static IResult Reject(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
