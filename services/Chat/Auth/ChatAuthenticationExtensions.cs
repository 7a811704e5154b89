using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Chatbot.Chat.Auth;

public static class ChatAuthenticationExtensions
{
    /// <summary>
    /// JWT bearer validation configured from <c>Authentication:Schemes:Bearer</c> (authority, audiences).
    /// Stand-in until the identity branch's <c>AddDefaultAuthentication()</c> is merged; claims are read only through
    /// <see cref="CurrentUser"/>, so the swap touches nothing else.
    /// </summary>
    public static IHostApplicationBuilder AddChatAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o => o.MapInboundClaims = false);
        builder.Services.AddAuthorizationBuilder().AddChatPolicies();
        return builder;
    }
}
