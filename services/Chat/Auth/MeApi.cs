using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Chat.Auth;

/// <summary><c>GET /api/me</c>: who the token (or API key) says the caller is.</summary>
public static class MeApi
{
    public sealed record MeResponse(string Sub, string TenantId, string Role, string Tier, string AuthenticationMethod);

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", GetMe).WithTags("Me").RequireAuthorization(AuthorizationPolicies.Member);
        return app;
    }

    public static Ok<MeResponse> GetMe(CurrentUser user, HttpContext http)
    {
        var method = http.User.HasClaim(c => c.Type == ChatbotClaimTypes.ApiKeyId) ? "api-key" : "bearer";
        return TypedResults.Ok(new MeResponse(user.UserId.ToString(), user.TenantId.ToString(), user.Roles.FirstOrDefault() ?? "",
            user.Tier, method));
    }
}
