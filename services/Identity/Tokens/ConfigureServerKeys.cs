using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Chatbot.Identity.Tokens;

/// <summary>Hands the key ring's current keys to OpenIddict each time its options are (re)built.</summary>
internal sealed class ConfigureServerKeys(SigningKeyRing ring) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        var keys = ring.Current;
        foreach (var key in keys.Signing)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }
        options.EncryptionCredentials.Add(new EncryptingCredentials(keys.Encryption,
            SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
