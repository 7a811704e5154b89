using Chatbot.Chat.Http;
using Chatbot.Chat.Auth;
using Chatbot.ServiceDefaults.Authentication;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Microsoft.Extensions.Hosting;

/// <summary>Chat's side of identity: token validation, API keys, deleted users, <c>/api/me</c> and the identity proxy.</summary>
public static class ChatIdentityExtensions
{
    public const string CombinedScheme = "jwt-or-api-key";

    public static IHostApplicationBuilder AddChatIdentity(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddTrustedForwardedHeaders();
        // YARP logs proxied URLs at Information; the verification link carries a one-time token in its query.
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        var identity = new Uri(builder.Configuration["services:identity:http:0"] ?? builder.Configuration["Identity:Authority"]
            ?? throw new InvalidOperationException("services:identity:http:0 is not set: chat cannot reach identity."));
        builder.Services.AddReverseProxy();
        builder.Services.ForwardToService("identity", identity, IdentityProxy.ForwardedPaths);
        builder.Services.AddHttpClient(ApiKeyVerifier.HttpClientName, c => c.BaseAddress = identity);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiKeyVerifier>();
        builder.Services.AddSingleton<DeletedUsers>();
        builder.Services.AddSingleton<ITokenSubjectRevocationCheck>(sp => sp.GetRequiredService<DeletedUsers>());
        builder.Services.AddSingleton<RevocationBroadcast>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RevocationBroadcast>());
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CombinedScheme;
                o.DefaultChallengeScheme = CombinedScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(CombinedScheme, "Bearer token or API key", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.ReadKey(context.Request) is null
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName);
        return builder;
    }

    /// <summary>Call inside chat's <c>AddRabbitMqMessaging("rabbitmq", bus => ...)</c>.</summary>
    public static IBusRegistrationConfigurator AddChatIdentityConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<UserDeletedConsumer>().Endpoint(e => e.Name = "chat-user-deleted");
        bus.AddConsumer<ApiKeyRevokedConsumer>().Endpoint(e => e.Name = "chat-api-key-revoked");
        return bus;
    }

    public static WebApplication MapChatIdentity(this WebApplication app)
    {
        app.MapMeApi();
        app.MapReverseProxy();
        return app;
    }
}
