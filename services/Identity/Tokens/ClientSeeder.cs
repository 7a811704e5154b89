using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Chatbot.Identity.Tokens;

/// <summary>Registers the first-party public client <c>chatbot-web</c> (password and refresh-token grants).</summary>
internal static class ClientSeeder
{
    public const string WebClientId = "chatbot-web";

    public static async Task EnsureWebClientAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(WebClientId, cancellationToken) is not null)
        {
            return;
        }
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = WebClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "Chatbot web page",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.Password,
                Permissions.GrantTypes.RefreshToken,
            },
        }, cancellationToken);
    }
}
