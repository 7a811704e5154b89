using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chatbot.ServiceDefaults.Authentication;

/// <summary>
/// Authenticates a calling service by <see cref="HeaderName"/>, compared in constant time with
/// <see cref="ServiceCredentialOptions.Credential"/>: none = no result, a wrong one = failure, the right one = a
/// principal with the <c>service</c> role. Used only through <see cref="ServiceCredentialExtensions.RequireServiceCredential{TBuilder}"/>.
/// </summary>
public sealed class ServiceCredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<ServiceCredentialOptions> credential)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "service-credential";
    public const string HeaderName = "X-Service-Credential";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(credential.Value.Credential));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[HeaderName].ToString();
        if (presented.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        // Hashing first makes the comparison constant-time whatever the lengths.
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong service credential."));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, "service")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
