using Chatbot.Identity.Data;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Identity.Accounts;

/// <summary>
/// Identity's own routes do not trust a still-unexpired token blindly: the user must still exist in the token's tenant
/// with the token's role (a deleted or demoted admin is refused at once). One primary-key read per call.
/// </summary>
public static class CurrentUserStillValidFilter
{
    public static TBuilder RequireCurrentUserInDatabase<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return await next(context);
            }
            var db = http.RequestServices.GetRequiredService<IdentityDbContext>();
            var caller = CurrentUser.From(http.User);
            var userId = caller?.UserId;
            var tenantId = caller?.TenantId;
            var role = caller?.Roles.FirstOrDefault() ?? ChatbotRoles.Member;
            var valid = caller is not null
                && await db.Users.AnyAsync(u => u.Id == userId && u.TenantId == tenantId && u.Role == role, http.RequestAborted);
            return valid ? await next(context) : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized", detail: "The account behind this token no longer exists or has changed; sign in again.");
        });
}
