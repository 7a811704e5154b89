using Chatbot.Billing.Data;
using Chatbot.Billing.Quotas;
using Chatbot.Contracts.Billing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatbot.Billing.Alerts;

/// <summary>
/// Raises <see cref="BudgetThresholdReached"/> for every configured threshold the month's spend has crossed, once per
/// tenant, month and threshold: the row in <c>budget_alerts</c> (primary key) is inserted in the same transaction
/// that publishes, so concurrent settlements on several replicas raise each alert once.
/// </summary>
public sealed class BudgetAlerts(BillingDbContext db, IPublishEndpoint publisher,
    IOptions<BillingOptions> options, TimeProvider clock, ILogger<BudgetAlerts> logger)
{
    public async Task CheckAsync(Guid tenantId, decimal? budget, decimal spentUsd, DateTimeOffset at, CancellationToken ct)
    {
        if (budget is not > 0m)
        {
            return;
        }
        var period = QuotaKeys.Month(at);
        foreach (var threshold in options.Value.AlertThresholds.Order())
        {
            if (spentUsd * 100m < budget.Value * threshold)
            {
                break;
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO budget_alerts (tenant_id, period, threshold_percent, sent_at)
                VALUES ({tenantId}, {period}, {threshold}, {clock.GetUtcNow()}) ON CONFLICT DO NOTHING
                """, ct);
            if (inserted == 0)
            {
                continue;
            }
            await publisher.Publish(new BudgetThresholdReached(NewId.NextGuid(), clock.GetUtcNow(), tenantId, period, threshold,
                spentUsd, budget.Value), ct);
            await tx.CommitAsync(ct);
            BillingLog.ThresholdReached(logger, tenantId, threshold, period);
        }
    }
}
