using Chatbot.Chat.Auth;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// The member policy every <c>/api</c> route requires (API key or user token), answered in OpenAI's shape: no or bad
/// credentials 401 <c>invalid_api_key</c>, a principal the policy refuses 403.
/// </summary>
public sealed class OpenAiAuthorizationFilter(IAuthorizationService authorization) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var principal = context.HttpContext.User;
        if (principal.Identity?.IsAuthenticated != true || CurrentUser.From(principal) is null)
        {
            return OpenAiErrors.Unauthorized();
        }
        var allowed = await authorization.AuthorizeAsync(principal, AuthorizationPolicies.Member);
        return allowed.Succeeded ? await next(context) : OpenAiErrors.Forbidden();
    }
}
