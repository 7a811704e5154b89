using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http;

namespace Chatbot.ServiceDefaults.Tenancy;

/// <summary>Puts the tenant of an authenticated caller into <see cref="TenantContext"/> for the rest of the request.</summary>
public sealed class TenantContextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var user = CurrentUser.From(context.User);
        if (user is null)
        {
            await next(context);
            return;
        }
        using (TenantContext.Enter(user.TenantId))
        {
            await next(context);
        }
    }
}
