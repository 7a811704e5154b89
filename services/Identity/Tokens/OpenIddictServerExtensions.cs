using Chatbot.Identity;
using Chatbot.Identity.Data;
using Chatbot.Identity.Tokens;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;

namespace Microsoft.Extensions.Hosting;

internal static class OpenIddictServerExtensions
{
    /// <summary>
    /// OpenIddict server: token (password + refresh, passthrough), revocation, discovery and JWKS endpoints; access
    /// tokens are plain signed JWTs (no encryption) so other services validate them with the JWKS alone. Keys come from
    /// <see cref="SigningKeyRing"/>. Identity's own API validates the same tokens through the local server.
    /// </summary>
    public static void AddOpenIddictServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                o.AllowPasswordFlow().AllowRefreshTokenFlow();
                o.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                // Identity's own API takes only access tokens meant for the chatbot API (as every other service does).
                o.AddAudiences(builder.Configuration[$"{IdentityServiceOptions.SectionName}:Audience"] ?? new IdentityServiceOptions().Audience);
                o.RequireExpiryAndKeyId();
            });
        builder.Services.AddSingleton<SigningKeyRing>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ConfigureServerKeys>();
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<IdentityServiceOptions>>((server, identity) =>
        {
            server.Issuer = new Uri(identity.Value.Issuer!);
            server.AccessTokenLifetime = identity.Value.AccessTokenLifetime;
            server.RefreshTokenLifetime = identity.Value.RefreshTokenLifetime;
        });
        builder.Services.AddSingleton<SigningKeyRotationService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SigningKeyRotationService>());
        builder.Services.AddHostedService<TokenPruningService>();
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.AddDefaultAuthorization();
        builder.AddServiceCredential(); // /internal/* answers chat only (ServiceAuth:Credential)
    }
}
