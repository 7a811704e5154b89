using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Chat.Audit;

/// <summary>
/// <c>GET /api/audit</c>: the admin audit log of every service (docs/audit.md), newest first in keyset pages. Tenant
/// admins read their own tenant's entries; platform admins every tenant's, or one with <c>tenantId</c>. Filters:
/// <c>actorId</c>, <c>action</c>, <c>from</c> (inclusive) and <c>to</c> (exclusive).
/// </summary>
public static class AuditApi
{
    private const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(AuthorizationPolicies.TenantAdmin).MapGet("/", ListAsync);
        return app;
    }

    public static async Task<Results<Ok<Page<AdminAuditEntryDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(CurrentUser user,
        AdminAuditStore store, Guid? tenantId, Guid? actorId, string? action, DateTimeOffset? from, DateTimeOffset? to,
        string? cursor, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return ApiProblems.Invalid("limit", $"limit must be 1 to {MaxLimit}.");
        }
        if (action is { Length: > 200 })
        {
            return ApiProblems.Invalid("action", "action must be at most 200 characters.");
        }
        if (!KeysetCursor.TryDecode(cursor, out var after))
        {
            return ApiProblems.Invalid("cursor", "cursor is not a cursor this API returned.");
        }
        var platform = user.Roles.Contains(ChatbotRoles.PlatformAdmin);
        if (!platform && tenantId is { } other && other != user.TenantId)
        {
            return TypedResults.Problem("A tenant admin reads only the own tenant's audit log.", statusCode: StatusCodes.Status403Forbidden);
        }
        var query = new AdminAuditQuery(platform ? tenantId : user.TenantId, actorId, action, from, to, after, limit ?? 50);
        return TypedResults.Ok(await store.ListAsync(query, allTenants: platform, ct));
    }
}
