using Chatbot.Billing.Data;
using Chatbot.Billing.Quotas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatbot.Billing.Limits;

/// <summary>Plan + tenant overrides + user overrides, from billingdb (the configured plans when the table has no row).</summary>
public sealed class LimitResolver(BillingDbContext db, IOptions<QuotaOptions> quotas)
{
    public async Task<EffectiveLimits> ForAsync(Guid tenantId, Guid? userId, string? tier, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.TenantId == tenantId, ct);
        var planTier = (tier ?? tenant?.Tier ?? "free").ToLowerInvariant();
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Tier == planTier, ct);
        var fallback = quotas.Value.PlanFor(planTier);
        var user = userId is { } id ? await db.UserLimits.AsNoTracking().FirstOrDefaultAsync(u => u.TenantId == tenantId && u.UserId == id, ct) : null;
        return new EffectiveLimits(planTier,
            user?.TokensPerDay ?? tenant?.UserTokensPerDay ?? (plan is null ? fallback.UserTokensPerDay : plan.UserTokensPerDay),
            tenant?.TenantTokensPerDay ?? (plan is null ? fallback.TenantTokensPerDay : plan.TenantTokensPerDay),
            user?.RequestsPerMinute ?? tenant?.RequestsPerMinute ?? (plan is null ? fallback.RequestsPerMinute : plan.RequestsPerMinute),
            tenant?.MonthlyBudgetUsd ?? (plan is null ? fallback.MonthlyBudgetUsd : plan.MonthlyBudgetUsd));
    }
}
