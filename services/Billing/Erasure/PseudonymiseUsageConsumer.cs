using Chatbot.Billing.Data;
using Chatbot.Contracts.Identity;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Erasure;

/// <summary>
/// Billing's part of an erasure: an erased user's ledger rows keep their amounts (accounting) but lose the link to the
/// person: the user id becomes one random pseudonym (the same for all the user's rows, so per-user totals still add up).
/// Their limit overrides are deleted. For a whole tenant every user still named in its ledger is pseudonymised. Running
/// again finds nothing left to change (identity keeps the first report).
/// </summary>
public sealed class PseudonymiseUsageConsumer(BillingDbContext db, TimeProvider time, ILogger<PseudonymiseUsageConsumer> logger)
    : IConsumer<ErasureRequested>
{
    public async Task Consume(ConsumeContext<ErasureRequested> context)
    {
        var request = context.Message;
        var ct = context.CancellationToken;
        var tenantId = request.TenantId;
        var users = request.WholeTenant
            ? await db.UsageEntries.Where(u => u.TenantId == tenantId && !u.Pseudonymised).Select(u => u.UserId).Distinct().ToListAsync(ct)
            : request.UserIds.ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = 0;
        foreach (var userId in users)
        {
            var pseudonym = Guid.NewGuid();
            rows += await db.UsageEntries.Where(u => u.TenantId == tenantId && u.UserId == userId && !u.Pseudonymised)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.UserId, pseudonym).SetProperty(u => u.Pseudonymised, true), ct);
        }
        var limits = await db.UserLimits.Where(u => u.TenantId == tenantId && (request.WholeTenant || users.Contains(u.UserId)))
            .ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        var now = time.GetUtcNow();
        await context.PublishBatch(new[]
        {
            ErasureProtocol.Report(request, "billing", "usage-ledger", ErasureProtocol.Pseudonymised, rows, now),
            ErasureProtocol.Report(request, "billing", "user-limits", ErasureProtocol.Deleted, limits, now),
        }, ct);
        BillingLog.Pseudonymised(logger, rows, tenantId);
    }
}
