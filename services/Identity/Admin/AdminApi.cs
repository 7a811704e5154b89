using Chatbot.Outbox;
using Chatbot.Contracts.Identity;
using Chatbot.Identity.Accounts;
using Chatbot.Identity.Data;
using Chatbot.Identity.Validation;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Identity.Admin;

/// <summary>Platform administration of tenants (<c>/api/admin/tenants</c>): list them and change their tier.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/tenants").WithTags("Admin").RequireAuthorization(AuthorizationPolicies.PlatformAdmin).RequireCurrentUserInDatabase();
        group.MapGet("/", ListAsync);
        group.MapPut("/{id:guid}/tier", ChangeTierAsync);
        return app;
    }

    public sealed record TenantSummary(Guid Id, string Name, string Tier, DateTimeOffset CreatedAt);

    public static async Task<Results<Ok<Page<TenantSummary>>, ValidationProblem>> ListAsync(IdentityDbContext db, string? cursor, int? limit,
        CancellationToken ct)
    {
        if (!Paging.TryRead(cursor, limit, out var paging, out var problem))
        {
            return problem;
        }
        var query = db.Tenants.AsNoTracking();
        if (paging.After is { } after)
        {
            query = query.Where(t => EF.Functions.GreaterThan(ValueTuple.Create(t.CreatedAt, t.Id), ValueTuple.Create(after.CreatedAt, after.Id)));
        }
        var tenants = await query.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(paging.Limit + 1)
            .Select(t => new TenantSummary(t.Id, t.Name, t.Tier, t.CreatedAt)).ToListAsync(ct);
        return TypedResults.Ok(paging.PageOf(tenants, t => new KeysetCursor(t.CreatedAt, t.Id)));
    }

    public static async Task<Results<Ok<TenantSummary>, NotFound, ValidationProblem>> ChangeTierAsync(Guid id, ChangeTierRequest request,
        IdentityDbContext db, OutboxSignal outbox, CurrentUser admin, AdminAudit audit, TimeProvider time, CancellationToken ct)
    {
        if (!ChatbotTiers.All.Contains(request.Tier))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tier"] = [$"One of: {string.Join(", ", ChatbotTiers.All)}."] });
        }
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (tenant is null)
        {
            return TypedResults.NotFound();
        }
        if (tenant.Tier != request.Tier)
        {
            audit.Record(admin.UserId, tenant.Id, "identity.tenant.tier-changed", $"tenants/{tenant.Id}/tier", new { tenant.Tier }, new { request.Tier });
            tenant.Tier = request.Tier;
            var now = time.GetUtcNow();
            db.OutboxMessages.Add(OutboxEntry.Create(new TenantTierChanged(Guid.NewGuid(), now, tenant.Id, tenant.Tier), tenant.Id, tenant.Id, now));
            await db.SaveChangesAsync(ct);
            outbox.Notify();
        }
        return TypedResults.Ok(new TenantSummary(tenant.Id, tenant.Name, tenant.Tier, tenant.CreatedAt));
    }
}
