using Chatbot.Billing.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Ledger;

/// <summary>Settled usage from the ledger (the source of truth) since a moment; each query is served by an index.</summary>
public sealed class LedgerTotals(BillingDbContext db)
{
    public Task<decimal> TenantCostAsync(Guid tenantId, DateTimeOffset since, CancellationToken ct) =>
        db.UsageEntries.AsNoTracking().Where(u => u.TenantId == tenantId && u.OccurredAt >= since).SumAsync(u => u.Cost, ct);

    public Task<long> TenantTokensAsync(Guid tenantId, DateTimeOffset since, CancellationToken ct) =>
        db.UsageEntries.AsNoTracking().Where(u => u.TenantId == tenantId && u.OccurredAt >= since)
            .SumAsync(u => (long)u.InputTokens + u.OutputTokens, ct);

    public Task<long> UserTokensAsync(Guid tenantId, Guid userId, DateTimeOffset since, CancellationToken ct) =>
        db.UsageEntries.AsNoTracking().Where(u => u.TenantId == tenantId && u.UserId == userId && u.OccurredAt >= since)
            .SumAsync(u => (long)u.InputTokens + u.OutputTokens, ct);
}
