using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Service-to-service routes (<c>/internal/*</c>) answer only callers that present the shared service credential
/// (<see cref="ServiceCredentialOptions"/>), not whoever can reach the port: 401 problem details without it or with a
/// wrong one. The check is authorization, so it runs before the request body is read.
/// </summary>
public static class ServiceCredentialExtensions
{
    public const string PolicyName = "service-credential";

    /// <summary>For a service that serves or calls service-to-service routes; start-up fails without <c>ServiceAuth:Credential</c>.</summary>
    public static TBuilder AddServiceCredential<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddValidatedOptions<ServiceCredentialOptions>(ServiceCredentialOptions.SectionName);
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ServiceCredentialAuthenticationHandler>(ServiceCredentialAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(PolicyName, p => p
            .AddAuthenticationSchemes(ServiceCredentialAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        builder.Services.AddTransient<ServiceCredentialHandler>();
        return builder;
    }

    /// <summary>Only callers with the service credential reach this endpoint or group.</summary>
    public static TBuilder RequireServiceCredential<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(PolicyName);

    /// <summary>Every request of this client carries the service credential.</summary>
    public static IHttpClientBuilder WithServiceCredential(this IHttpClientBuilder client) =>
        client.AddHttpMessageHandler<ServiceCredentialHandler>();
}
