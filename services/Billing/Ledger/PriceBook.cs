using Chatbot.Billing.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Ledger;

/// <summary>Cost of a reply at the price in force when it happened; the worker's own figure when billing has no price.</summary>
public sealed class PriceBook(BillingDbContext db)
{
    public async Task<decimal> CostAsync(string provider, string model, int inputTokens, int outputTokens, DateTimeOffset at,
        decimal fallback, CancellationToken ct)
    {
        var price = await db.Prices.AsNoTracking()
            .Where(p => p.Provider == provider && p.Model == model && p.EffectiveFrom <= at)
            .OrderByDescending(p => p.EffectiveFrom)
            .FirstOrDefaultAsync(ct);
        return price is null
            ? fallback
            : decimal.Round((inputTokens * price.InputPerMillion + outputTokens * price.OutputPerMillion) / 1_000_000m, 8);
    }
}
