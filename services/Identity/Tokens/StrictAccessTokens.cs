using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Chatbot.Identity.Tokens;

/// <summary>
/// What every other service's JWT bearer validation requires, for identity's own API too: an access token must carry an
/// expiry and name its signing key (<c>kid</c>). OpenIddict's validation accepts either missing (found by the security drills).
/// </summary>
internal static class StrictAccessTokens
{
    public static OpenIddictValidationBuilder RequireExpiryAndKeyId(this OpenIddictValidationBuilder validation) =>
        validation.AddEventHandler<OpenIddictValidationEvents.ValidateTokenContext>(handler => handler
            .UseInlineHandler(context =>
            {
                if (context.Principal is { } principal && principal.GetExpirationDate() is null)
                {
                    context.Reject(Errors.InvalidToken, "The token has no expiration date.");
                }
                else if (context.Token is { } token && new JsonWebTokenHandler().CanReadToken(token) && string.IsNullOrEmpty(new JsonWebToken(token).Kid))
                {
                    context.Reject(Errors.InvalidToken, "The token does not name its signing key.");
                }
                return default;
            })
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateExpirationDate.Descriptor.Order + 1)
            .SetType(OpenIddictValidationHandlerType.Custom));
}
