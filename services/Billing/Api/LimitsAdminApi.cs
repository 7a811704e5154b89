using Chatbot.Billing.Data;
using Chatbot.Billing.Data.Entities;
using Chatbot.Billing.KillSwitch;
using Chatbot.Billing.Limits;
using Chatbot.Outbox;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Api;

/// <summary>
/// Platform admin: plans, tenant and user overrides, per-tenant disable, and the kill switch; each change is recorded in
/// the admin audit log in the same transaction (plans and the kill switch under <see cref="AdminAudit.Platform"/>).
/// </summary>
public static class LimitsAdminApi
{
    public static IEndpointRouteBuilder MapLimitsAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/billing").WithTags("Billing administration").RequireAuthorization(AuthorizationPolicies.PlatformAdmin);
        api.MapGet("/plans", async (BillingDbContext db, CancellationToken ct) => TypedResults.Ok(await db.Plans.AsNoTracking().OrderBy(p => p.Tier).ToListAsync(ct)));
        api.MapPut("/plans/{tier}", PutPlanAsync);
        api.MapPut("/tenants/{tenantId:guid}", PutTenantAsync);
        api.MapPut("/tenants/{tenantId:guid}/users/{userId:guid}", PutUserAsync);
        api.MapGet("/kill-switch", async (SpendKillSwitch s) => TypedResults.Ok(await s.StateAsync()));
        api.MapPost("/kill-switch", TripKillSwitchAsync);
        api.MapDelete("/kill-switch", ClearKillSwitchAsync);
        return app;
    }

    public static async Task<Results<Ok<Plan>, ValidationProblem>> PutPlanAsync(string tier, PlanRequest r, BillingDbContext db,
        LimitPublisher publisher, CurrentUser admin, AdminAudit audit, CancellationToken ct)
    {
        if (tier.ToLowerInvariant() is not (ChatbotTiers.Free or ChatbotTiers.Pro or ChatbotTiers.Enterprise))
        {
            return BillingProblems.Invalid("tier", "tier must be free, pro or enterprise.");
        }
        if (BillingProblems.Limits(r.UserTokensPerDay, r.TenantTokensPerDay, r.RequestsPerMinute, r.MonthlyBudgetUsd) is { } invalid)
        {
            return invalid;
        }
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Tier == tier.ToLowerInvariant(), ct);
        var before = AuditViews.Of(plan);
        if (plan is null)
        {
            db.Plans.Add(plan = new Plan { Tier = tier.ToLowerInvariant() });
        }
        (plan.UserTokensPerDay, plan.TenantTokensPerDay, plan.RequestsPerMinute, plan.MonthlyBudgetUsd) =
            (r.UserTokensPerDay, r.TenantTokensPerDay, r.RequestsPerMinute, r.MonthlyBudgetUsd);
        audit.Record(admin.UserId, AdminAudit.Platform, "billing.plan.updated", $"plans/{plan.Tier}", before, AuditViews.Of(plan));
        await db.SaveChangesAsync(ct);
        await publisher.PublishPlanAsync(plan);
        return TypedResults.Ok(plan);
    }

    public static async Task<Results<Ok<TenantBilling>, ValidationProblem>> PutTenantAsync(Guid tenantId, TenantBillingRequest r,
        BillingDbContext db, LimitPublisher publisher, CurrentUser admin, AdminAudit audit, CancellationToken ct)
    {
        if (BillingProblems.Limits(r.UserTokensPerDay, r.TenantTokensPerDay, r.RequestsPerMinute, r.MonthlyBudgetUsd) is { } invalid)
        {
            return invalid;
        }
        using var acting = TenantContext.Enter(tenantId); // row-level security: the tenant administered, not the admin's own
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.TenantId == tenantId, ct);
        var before = AuditViews.LimitsOf(tenant);
        if (tenant is null)
        {
            db.Tenants.Add(tenant = new TenantBilling { TenantId = tenantId });
        }
        (tenant.UserTokensPerDay, tenant.TenantTokensPerDay, tenant.RequestsPerMinute, tenant.MonthlyBudgetUsd, tenant.Disabled) =
            (r.UserTokensPerDay, r.TenantTokensPerDay, r.RequestsPerMinute, r.MonthlyBudgetUsd, r.Disabled);
        audit.Record(admin.UserId, tenantId, "billing.tenant-limits.updated", $"tenants/{tenantId}/limits", before, AuditViews.LimitsOf(tenant));
        await db.SaveChangesAsync(ct);
        await publisher.PublishTenantAsync(tenant);
        tenant.WebhookSecret = null;
        return TypedResults.Ok(tenant);
    }

    public static async Task<Results<Ok<UserLimit>, ValidationProblem>> PutUserAsync(Guid tenantId, Guid userId, UserLimitRequest r,
        BillingDbContext db, LimitPublisher publisher, CurrentUser admin, AdminAudit audit, CancellationToken ct)
    {
        if (BillingProblems.Limits(r.TokensPerDay, null, r.RequestsPerMinute, null) is { } invalid)
        {
            return invalid;
        }
        using var acting = TenantContext.Enter(tenantId); // row-level security: the tenant administered, not the admin's own
        var user = await db.UserLimits.FirstOrDefaultAsync(u => u.TenantId == tenantId && u.UserId == userId, ct);
        var before = AuditViews.Of(user);
        if (user is null)
        {
            db.UserLimits.Add(user = new UserLimit { TenantId = tenantId, UserId = userId });
        }
        (user.TokensPerDay, user.RequestsPerMinute) = (r.TokensPerDay, r.RequestsPerMinute);
        audit.Record(admin.UserId, tenantId, "billing.user-limits.updated", $"tenants/{tenantId}/users/{userId}/limits", before, AuditViews.Of(user));
        await db.SaveChangesAsync(ct);
        await publisher.PublishUserAsync(user);
        return TypedResults.Ok(user);
    }

    /// <summary>Trips the kill switch (kept in Redis, so the audit entry is saved right after it, not in one transaction).</summary>
    public static async Task<Ok<KillSwitchState>> TripKillSwitchAsync(SpendKillSwitch killSwitch, CurrentUser user, AdminAudit audit,
        CancellationToken ct)
    {
        var before = await killSwitch.StateAsync();
        await killSwitch.TripAsync();
        var after = await killSwitch.StateAsync();
        await audit.RecordAndSaveAsync(user.UserId, AdminAudit.Platform, "billing.kill-switch.tripped", "kill-switch", before, after, ct);
        return TypedResults.Ok(after);
    }

    public static async Task<Ok<KillSwitchState>> ClearKillSwitchAsync(SpendKillSwitch killSwitch, CurrentUser user, AdminAudit audit,
        CancellationToken ct)
    {
        var before = await killSwitch.StateAsync();
        await killSwitch.ClearAsync(user.UserId);
        var after = await killSwitch.StateAsync();
        await audit.RecordAndSaveAsync(user.UserId, AdminAudit.Platform, "billing.kill-switch.cleared", "kill-switch", before, after, ct);
        return TypedResults.Ok(after);
    }
}
