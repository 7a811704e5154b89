using Chatbot.Chat.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Microsoft.Extensions.Hosting;

/// <summary>Chat's side of identity: token validation, API keys, deleted users, <c>/api/me</c> and the identity proxy.</summary>
public static class ChatIdentityExtensions
{
    public static IHostApplicationBuilder AddChatIdentity(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddTrustedForwardedHeaders();
        var identity = builder.Configuration["services:identity:http:0"] ?? builder.Configuration["Identity:Authority"]
            ?? throw new InvalidOperationException("services:identity:http:0 is not set: chat cannot reach identity.");
        builder.Services.AddReverseProxy().LoadFromMemory(IdentityProxy.Routes(), IdentityProxy.Clusters(new Uri(identity)));
        return builder;
    }

    public static WebApplication MapChatIdentity(this WebApplication app)
    {
        app.UseTrustedForwardedHeaders();
        app.MapMeApi();
        app.MapReverseProxy();
        return app;
    }
}
