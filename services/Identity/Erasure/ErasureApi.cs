using Chatbot.Contracts.Identity;
using Chatbot.Identity.Accounts;
using Chatbot.Identity.Data;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Identity.Erasure;

/// <summary>
/// Erasure by an admin (<c>DELETE /api/tenant/users/{id}</c>, <c>DELETE /api/admin/tenants/{id}</c>; the user's own is
/// <c>POST /api/account/delete</c>) and the receipt (<c>GET /api/erasures/{id}</c>) for the subject's tenant admins,
/// platform admins, and the erased user through the signed link mailed to them.
/// </summary>
public static class ErasureApi
{
    public static IEndpointRouteBuilder MapErasureApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/tenant/users/{id:guid}", EraseTenantUserAsync).WithTags("Tenant")
            .RequireAuthorization(AuthorizationPolicies.TenantAdmin).RequireCurrentUserInDatabase();
        app.MapDelete("/api/admin/tenants/{id:guid}", EraseTenantAsync).WithTags("Admin")
            .RequireAuthorization(AuthorizationPolicies.PlatformAdmin).RequireCurrentUserInDatabase();
        app.MapGet("/api/erasures/{id:guid}", GetReceiptAsync).WithTags("Erasure").RequireCurrentUserInDatabase();
        return app;
    }

    public static async Task<Results<Accepted<ErasureStarted>, NotFound>> EraseTenantUserAsync(Guid id, CurrentUser caller,
        IdentityDbContext db, ErasureStarter starter, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id && u.TenantId == caller.TenantId)
            .Select(u => new ErasedUser(u.Id, u.Email)).SingleOrDefaultAsync(ct);
        var started = user is not null
            ? await starter.StartAsync(ErasureStarter.UserSubject(caller.TenantId, user), ChatbotRoles.TenantAdmin, caller.UserId, ct)
            : await starter.FindAsync(ErasureProtocol.SubjectHash("user", id), caller.TenantId, ct);
        return started is null ? TypedResults.NotFound() : TypedResults.Accepted(started.ReceiptUrl, started);
    }

    public static async Task<Results<Accepted<ErasureStarted>, NotFound, ProblemHttpResult>> EraseTenantAsync(Guid id, CurrentUser caller,
        IdentityDbContext db, ErasureStarter starter, CancellationToken ct)
    {
        var hash = ErasureProtocol.SubjectHash("tenant", id);
        if (!await db.Tenants.AnyAsync(t => t.Id == id, ct))
        {
            var earlier = await starter.FindAsync(hash, null, ct);
            return earlier is null ? TypedResults.NotFound() : TypedResults.Accepted(earlier.ReceiptUrl, earlier);
        }
        if (id == caller.TenantId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: "A platform admin cannot erase their own tenant.");
        }
        List<ErasedUser> users;
        using (TenantContext.Enter(id)) // row-level security: the tenant erased, not the platform admin's own
        {
            users = await db.Users.AsNoTracking().Where(u => u.TenantId == id).Select(u => new ErasedUser(u.Id, u.Email)).ToListAsync(ct);
        }
        var started = await starter.StartAsync(new ErasureSubject(id, "tenant", hash, users, WholeTenant: true), ChatbotRoles.PlatformAdmin,
            caller.UserId, ct);
        return TypedResults.Accepted(started.ReceiptUrl, started);
    }

    public static async Task<Results<Ok<ErasureReceipt>, NotFound, UnauthorizedHttpResult>> GetReceiptAsync(Guid id, string? token,
        HttpContext http, IdentityDbContext db, ErasureLinks links, CancellationToken ct)
    {
        if (token is null && http.User.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Unauthorized(); // neither signed in nor holding the mailed link
        }
        var erasure = await db.Erasures.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (erasure is null || !MayRead(erasure, CurrentUser.From(http.User), token, links))
        {
            // The same answer for "no such erasure" and "not yours": ids are not confirmed to strangers.
            return TypedResults.NotFound();
        }
        var lines = await db.ErasureReports.AsNoTracking().Where(r => r.ErasureId == id).OrderBy(r => r.At).ThenBy(r => r.Service).ThenBy(r => r.Store)
            .Select(r => new ErasureReceiptLine(r.Service, r.Store, r.Action, r.Count, r.At)).ToListAsync(ct);
        var complete = ErasureCompletion.IsComplete(lines.Select(l => $"{l.Service}/{l.Store}"));
        return TypedResults.Ok(new ErasureReceipt(erasure.Id, complete ? ErasureReceipt.Completed : ErasureReceipt.InProgress,
            erasure.RequestedAt, erasure.CompletedAt, lines));
    }

    private static bool MayRead(Data.Erasure erasure, CurrentUser? caller, string? token, ErasureLinks links)
    {
        if (token is not null)
        {
            return token.Length <= 1000 && links.IsValid(token, erasure.Id);
        }
        return caller is not null && (caller.Roles.Contains(ChatbotRoles.PlatformAdmin)
            || (caller.Roles.Contains(ChatbotRoles.TenantAdmin) && caller.TenantId == erasure.TenantId));
    }
}
