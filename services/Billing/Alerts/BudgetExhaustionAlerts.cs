using Chatbot.Billing.Data;
using Chatbot.Billing.Ledger;
using Chatbot.Billing.Limits;
using Chatbot.Billing.Quotas;
using Chatbot.Contracts.Billing;
using Chatbot.Contracts.Inference;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Alerts;

/// <summary>
/// Raises <see cref="BudgetExhausted"/> when the settled usage of a scope reaches 100 % of its limit: the tenant's monthly
/// budget, the tenant's tokens today, the user's tokens today. The Redis totals of the settlement (settled + open
/// reservations) are an upper bound, so the ledger is asked only when they reach a limit. Once per scope, subject and
/// period: the <c>budget_exhaustions</c> row is inserted in the transaction that publishes.
/// </summary>
public sealed class BudgetExhaustionAlerts(BillingDbContext db, LedgerTotals ledger, IPublishEndpoint publisher, TimeProvider clock,
    ILogger<BudgetExhaustionAlerts> logger)
{
    public const string TenantMonthlyBudget = "tenant_monthly_budget";
    public const string TenantTokensPerDay = "tenant_tokens_per_day";
    public const string UserTokensPerDay = "user_tokens_per_day";

    public async Task CheckAsync(UsageRecorded usage, EffectiveLimits limits, SettleResult totals, CancellationToken ct)
    {
        var (tenantId, at) = (usage.TenantId, usage.OccurredAt);
        var (day, month) = (QuotaPeriods.DayStart(at), QuotaPeriods.MonthStart(at));
        if (limits.MonthlyBudgetUsd is { } budget && totals.TenantMonthCostUsd >= budget
            && await ledger.TenantCostAsync(tenantId, month, ct) is var spent && spent >= budget)
        {
            await PublishOnceAsync(new(NewId.NextGuid(), clock.GetUtcNow(), tenantId, null, TenantMonthlyBudget, QuotaKeys.Month(at),
                spent, budget, QuotaPeriods.NextMonth(at)), tenantId, ct);
        }
        if (limits.TenantTokensPerDay is { } tenantLimit && totals.TenantDayTokens >= tenantLimit
            && await ledger.TenantTokensAsync(tenantId, day, ct) is var tenantTokens && tenantTokens >= tenantLimit)
        {
            await PublishOnceAsync(new(NewId.NextGuid(), clock.GetUtcNow(), tenantId, null, TenantTokensPerDay, QuotaKeys.Day(at),
                tenantTokens, tenantLimit, QuotaPeriods.NextDay(at)), tenantId, ct);
        }
        if (limits.UserTokensPerDay is { } userLimit && totals.UserDayTokens >= userLimit
            && await ledger.UserTokensAsync(tenantId, usage.UserId, day, ct) is var userTokens && userTokens >= userLimit)
        {
            await PublishOnceAsync(new(NewId.NextGuid(), clock.GetUtcNow(), tenantId, usage.UserId, UserTokensPerDay, QuotaKeys.Day(at),
                userTokens, userLimit, QuotaPeriods.NextDay(at)), usage.UserId, ct);
        }
    }

    private async Task PublishOnceAsync(BudgetExhausted exhausted, Guid subjectId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO budget_exhaustions (tenant_id, scope, subject_id, period, sent_at)
            VALUES ({exhausted.TenantId}, {exhausted.Scope}, {subjectId}, {exhausted.Period}, {exhausted.OccurredAt}) ON CONFLICT DO NOTHING
            """, ct);
        if (inserted == 0)
        {
            return;
        }
        await publisher.Publish(exhausted, ct);
        await tx.CommitAsync(ct);
        BillingLog.BudgetExhausted(logger, exhausted.TenantId, exhausted.Scope, exhausted.Period);
    }
}
