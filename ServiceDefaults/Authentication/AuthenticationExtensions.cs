using System.Net;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Local validation of identity's access tokens: JWT bearer checked against the authority's JWKS (cached, refreshed on
/// an unknown key id), issuer, audience, <c>at+jwt</c> type, 30 s skew; no call to identity per request.
/// </summary>
public static class AuthenticationExtensions
{
    public const string JwksHttpClientName = "identity-jwks";

    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddValidatedOptions<TokenValidationSettings>(TokenValidationSettings.SectionName)
            .Validate(s => ResolveAuthority(s, builder.Configuration) is not null,
                "Identity:Authority (or services:identity:http:0) must be an absolute URL.");
        builder.Services.AddHttpClient(JwksHttpClientName);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenValidationSettings>, IHttpClientFactory>((jwt, settings, clients) =>
                Configure(jwt, settings.Value, builder.Configuration, builder.Environment, clients));

        builder.AddDefaultAuthorization();
        return builder;
    }

    /// <summary>The role policies (member, tenant-admin, platform-admin), whatever the scheme; handlers take a <see cref="CurrentUser"/>.</summary>
    public static TBuilder AddDefaultAuthorization<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Member, p => p.RequireAuthenticatedUser()
                .RequireClaim(ChatbotClaimTypes.TenantId)
                .RequireClaim(ChatbotClaimTypes.Role, ChatbotRoles.All))
            .AddPolicy(AuthorizationPolicies.TenantAdmin, p => p.RequireAuthenticatedUser()
                .RequireClaim(ChatbotClaimTypes.TenantId)
                .RequireClaim(ChatbotClaimTypes.Role, ChatbotRoles.TenantAdmin, ChatbotRoles.PlatformAdmin))
            .AddPolicy(AuthorizationPolicies.PlatformAdmin, p => p.RequireAuthenticatedUser()
                .RequireClaim(ChatbotClaimTypes.Role, ChatbotRoles.PlatformAdmin));
        return builder;
    }

    internal static Uri? ResolveAuthority(TokenValidationSettings settings, IConfiguration configuration)
    {
        var value = settings.Authority ?? configuration["services:identity:http:0"];
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) ? new Uri(uri.ToString().TrimEnd('/') + "/") : null;
    }

    private static void Configure(JwtBearerOptions jwt, TokenValidationSettings settings, IConfiguration configuration,
        IHostEnvironment environment, IHttpClientFactory clients)
    {
        var authority = ResolveAuthority(settings, configuration)
            ?? throw new InvalidOperationException("Identity:Authority (or services:identity:http:0) is not set.");
        var requireHttps = settings.RequireHttpsMetadata ?? (!environment.IsDevelopment() && !IsLoopback(authority));
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = requireHttps;
        jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(authority, AuthorityConfigurationRetriever.DiscoveryPath).ToString(),
            new AuthorityConfigurationRetriever(authority),
            new HttpDocumentRetriever(clients.CreateClient(JwksHttpClientName)) { RequireHttps = requireHttps })
        {
            AutomaticRefreshInterval = settings.JwksRefreshInterval,
            RefreshInterval = TimeSpan.FromSeconds(5),
        };
        var parameters = jwt.TokenValidationParameters;
        parameters.ValidateIssuer = true;
        if (!string.IsNullOrWhiteSpace(settings.Issuer))
        {
            parameters.ValidIssuers = [settings.Issuer, settings.Issuer.TrimEnd('/') + "/"];
        }
        parameters.ValidateAudience = true;
        parameters.ValidAudience = settings.Audience;
        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        parameters.TryAllIssuerSigningKeys = false; // a token must name its key (kid); identity always does
        parameters.ClockSkew = settings.ClockSkew;
        parameters.ValidTypes = ["at+jwt"];
        parameters.ValidAlgorithms = ["RS256", "ES256"];
        parameters.NameClaimType = ChatbotClaimTypes.Subject;
        parameters.RoleClaimType = ChatbotClaimTypes.Role;
        jwt.Events = new JwtBearerEvents { OnTokenValidated = RejectRevokedSubjectsAsync };
    }

    private static async Task RejectRevokedSubjectsAsync(TokenValidatedContext context)
    {
        var subject = context.Principal?.FindFirst(ChatbotClaimTypes.Subject)?.Value;
        if (subject is null)
        {
            context.Fail("The token has no subject.");
            return;
        }
        foreach (var check in context.HttpContext.RequestServices.GetServices<ITokenSubjectRevocationCheck>())
        {
            if (await check.IsRevokedAsync(subject, context.HttpContext.RequestAborted))
            {
                context.Fail("The token's subject no longer exists.");
                return;
            }
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
}
