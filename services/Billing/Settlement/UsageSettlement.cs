using Chatbot.Billing.Alerts;
using Chatbot.Billing.KillSwitch;
using Chatbot.Billing.Ledger;
using Chatbot.Billing.Limits;
using Chatbot.Billing.Quotas;
using Chatbot.Contracts.Inference;

namespace Chatbot.Billing.Settlement;

/// <summary>
/// A reply's real usage: ledger row first (exactly once, the source of truth), then the Redis settlement (once, by a
/// marker), then the checks that follow from the new totals (budget thresholds, used-up limits, platform kill switch).
/// A redelivery after a crash anywhere in between finishes the missing steps without doubling any.
/// </summary>
public sealed class UsageSettlement(UsageLedger ledger, QuotaReservations quotas, LimitResolver limits, BudgetAlerts alerts,
    BudgetExhaustionAlerts exhaustion, SpendKillSwitch killSwitch)
{
    public async Task SettleAsync(UsageRecorded usage, CancellationToken ct)
    {
        var cost = await ledger.RecordAsync(usage, ct);
        var totals = await quotas.SettleAsync(usage.ReplyId, usage.TenantId, usage.UserId, usage.InputTokens + usage.OutputTokens,
            cost, usage.OccurredAt);
        var effective = await limits.ForAsync(usage.TenantId, usage.UserId, null, ct);
        await alerts.CheckAsync(usage.TenantId, effective.MonthlyBudgetUsd, totals.TenantMonthCostUsd, usage.OccurredAt, ct);
        await exhaustion.CheckAsync(usage, effective, totals, ct);
        await killSwitch.CheckAsync(totals.PlatformHourCostUsd, ct);
    }
}
