using System.Security.Claims;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;

namespace Chatbot.ServiceDefaults.Tests.Infrastructure;

/// <summary>Signs a request in from <c>X-Tenant</c>, <c>X-User</c> and <c>X-Tier</c> headers (the claims a token carries); no headers, anonymous.</summary>
internal static class HeaderIdentity
{
    public static WebApplication UseHeaderIdentity(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (http.Request.Headers["X-Tenant"].ToString() is { Length: > 0 } tenant)
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ChatbotClaimTypes.TenantId, tenant),
                    new Claim(ChatbotClaimTypes.Subject, http.Request.Headers["X-User"].ToString() is { Length: > 0 } user ? user : tenant),
                    new Claim(ChatbotClaimTypes.Tier, http.Request.Headers["X-Tier"].ToString() is { Length: > 0 } tier ? tier : "free"),
                ], "test"));
            }
            return next(http);
        });
        return app;
    }

    public static HttpRequestMessage As(this HttpRequestMessage request, string tenant, string tier = "free", string? user = null)
    {
        request.Headers.Add("X-Tenant", tenant);
        request.Headers.Add("X-Tier", tier);
        request.Headers.Add("X-User", user ?? tenant);
        return request;
    }
}
