using Chatbot.Identity.Data;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Identity.Accounts;

/// <summary>
/// <c>GET /internal/accounts/{userId}?tenantId=</c>: identity's part of a user's data export (chat's account export job),
/// for callers with the service credential only; not forwarded by chat's proxy. A user of another tenant → 404.
/// </summary>
public static class AccountProfileApi
{
    public sealed record AccountProfile(
        Guid UserId, Guid TenantId, string? Email, bool EmailConfirmed, string Role, DateTimeOffset CreatedAt, string TenantName, string Tier);

    public static IEndpointRouteBuilder MapAccountProfileApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/internal/accounts/{userId:guid}", GetAsync).RequireServiceCredential().ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<AccountProfile>, NotFound>> GetAsync(Guid userId, Guid tenantId, IdentityDbContext db,
        CancellationToken ct)
    {
        // Both by primary key; the user as the tenant asked for (row-level security), so another tenant's user is not found.
        using var acting = TenantContext.Enter(tenantId);
        var profile = await (
                from u in db.Users.AsNoTracking()
                join t in db.Tenants.AsNoTracking() on u.TenantId equals t.Id
                where u.Id == userId && u.TenantId == tenantId
                select new AccountProfile(u.Id, u.TenantId, u.Email, u.EmailConfirmed, u.Role, u.CreatedAt, t.Name, t.Tier))
            .FirstOrDefaultAsync(ct);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(profile);
    }
}
