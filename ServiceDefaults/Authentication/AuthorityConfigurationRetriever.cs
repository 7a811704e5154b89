using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.ServiceDefaults.Authentication;

/// <summary>
/// Reads identity's discovery document for the issuer, then the key set from the authority itself
/// (<c>{authority}/.well-known/jwks</c>) rather than from the document's <c>jwks_uri</c>: the issuer is a fixed public
/// name (e.g. the chat origin) that need not be reachable from inside the system, the authority is.
/// </summary>
internal sealed class AuthorityConfigurationRetriever(Uri authority) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public const string DiscoveryPath = ".well-known/openid-configuration";
    public const string JwksPath = ".well-known/jwks";

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var document = await retriever.GetDocumentAsync(address, cancel);
        var configuration = OpenIdConnectConfiguration.Create(document);
        var keys = await retriever.GetDocumentAsync(new Uri(authority, JwksPath).ToString(), cancel);
        configuration.JsonWebKeySet = JsonWebKeySet.Create(keys);
        configuration.SigningKeys.Clear();
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }
        return configuration;
    }
}
