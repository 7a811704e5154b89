using Chatbot.Billing.Data;
using Chatbot.Billing.Data.Entities;
using Chatbot.Billing.KillSwitch;
using Chatbot.Billing.Limits;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Api;

/// <summary>Platform admin: plans, tenant and user overrides, per-tenant disable, and the kill switch.</summary>
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
        api.MapPost("/kill-switch", async (SpendKillSwitch s) => { await s.TripAsync(); return TypedResults.Ok(await s.StateAsync()); });
        api.MapDelete("/kill-switch", ClearKillSwitchAsync);
        return app;
    }

    public static async Task<Results<Ok<Plan>, ValidationProblem>> PutPlanAsync(string tier, PlanRequest r, BillingDbContext db,
        LimitPublisher publisher, CancellationToken ct)
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
        if (plan is null)
        {
            db.Plans.Add(plan = new Plan { Tier = tier.ToLowerInvariant() });
        }
        (plan.UserTokensPerDay, plan.TenantTokensPerDay, plan.RequestsPerMinute, plan.MonthlyBudgetUsd) =
            (r.UserTokensPerDay, r.TenantTokensPerDay, r.RequestsPerMinute, r.MonthlyBudgetUsd);
        await db.SaveChangesAsync(ct);
        await publisher.PublishPlanAsync(plan);
        return TypedResults.Ok(plan);
    }

    public static async Task<Results<Ok<TenantBilling>, ValidationProblem>> PutTenantAsync(Guid tenantId, TenantBillingRequest r,
        BillingDbContext db, LimitPublisher publisher, CancellationToken ct)
    {
        if (BillingProblems.Limits(r.UserTokensPerDay, r.TenantTokensPerDay, r.RequestsPerMinute, r.MonthlyBudgetUsd) is { } invalid)
        {
            return invalid;
        }
        using var acting = TenantContext.Enter(tenantId); // row-level security: the tenant administered, not the admin's own
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.TenantId == tenantId, ct);
        if (tenant is null)
        {
            db.Tenants.Add(tenant = new TenantBilling { TenantId = tenantId });
        }
        (tenant.UserTokensPerDay, tenant.TenantTokensPerDay, tenant.RequestsPerMinute, tenant.MonthlyBudgetUsd, tenant.Disabled) =
            (r.UserTokensPerDay, r.TenantTokensPerDay, r.RequestsPerMinute, r.MonthlyBudgetUsd, r.Disabled);
        await db.SaveChangesAsync(ct);
        await publisher.PublishTenantAsync(tenant);
        tenant.WebhookSecret = null;
        return TypedResults.Ok(tenant);
    }

    public static async Task<Results<Ok<UserLimit>, ValidationProblem>> PutUserAsync(Guid tenantId, Guid userId, UserLimitRequest r,
        BillingDbContext db, LimitPublisher publisher, CancellationToken ct)
    {
        if (BillingProblems.Limits(r.TokensPerDay, null, r.RequestsPerMinute, null) is { } invalid)
        {
            return invalid;
        }
        using var acting = TenantContext.Enter(tenantId); // row-level security: the tenant administered, not the admin's own
        var user = await db.UserLimits.FirstOrDefaultAsync(u => u.TenantId == tenantId && u.UserId == userId, ct);
        if (user is null)
        {
            db.UserLimits.Add(user = new UserLimit { TenantId = tenantId, UserId = userId });
        }
        (user.TokensPerDay, user.RequestsPerMinute) = (r.TokensPerDay, r.RequestsPerMinute);
        await db.SaveChangesAsync(ct);
        await publisher.PublishUserAsync(user);
        return TypedResults.Ok(user);
    }

    public static async Task<Ok<KillSwitchState>> ClearKillSwitchAsync(SpendKillSwitch killSwitch, CurrentUser user)
    {
        await killSwitch.ClearAsync(user.UserId);
        return TypedResults.Ok(await killSwitch.StateAsync());
    }
}
