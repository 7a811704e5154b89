using Chatbot.Billing.Data;
using Chatbot.Contracts.Inference;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Ledger;

/// <summary>
/// Cost of a reply at the price in force when it happened; the worker's own figure when billing has no price. A reply
/// answered from the response cache (<see cref="UsageRecorded.Cached"/>) costs its tokens at the price's
/// <c>CachedPerMillion</c> (nothing without a price), and what it saved is the full cost minus that.
/// </summary>
public sealed class PriceBook(BillingDbContext db)
{
    public async Task<ReplyCharge> ChargeAsync(UsageRecorded usage, CancellationToken ct)
    {
        var price = await db.Prices.AsNoTracking()
            .Where(p => p.Provider == usage.Provider && p.Model == usage.Model && p.EffectiveFrom <= usage.OccurredAt)
            .OrderByDescending(p => p.EffectiveFrom)
            .FirstOrDefaultAsync(ct);
        var full = price is null
            ? usage.Cost
            : decimal.Round((usage.InputTokens * price.InputPerMillion + usage.OutputTokens * price.OutputPerMillion) / 1_000_000m, 8);
        if (!usage.Cached)
        {
            return new ReplyCharge(full, 0m);
        }
        var cached = price is null ? 0m : decimal.Round((usage.InputTokens + usage.OutputTokens) * price.CachedPerMillion / 1_000_000m, 8);
        return new ReplyCharge(cached, Math.Max(0m, full - cached));
    }
}
