using Chatbot.Billing.Data;
using Chatbot.Contracts.Identity;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Erasure;

/// <summary>
/// A deleted user's ledger rows keep their amounts (accounting) but lose the link to the person: the user id becomes
/// one random pseudonym (the same for all the user's rows, so per-user totals still add up). Its overrides are dropped.
/// </summary>
public sealed class PseudonymiseUsageConsumer(BillingDbContext db, ILogger<PseudonymiseUsageConsumer> logger) : IConsumer<UserDeleted>
{
    public async Task Consume(ConsumeContext<UserDeleted> context)
    {
        var (tenantId, userId) = (context.Message.TenantId, context.Message.UserId);
        var pseudonym = Guid.NewGuid();
        var rows = await db.UsageEntries.Where(u => u.TenantId == tenantId && u.UserId == userId && !u.Pseudonymised)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.UserId, pseudonym).SetProperty(u => u.Pseudonymised, true), context.CancellationToken);
        await db.UserLimits.Where(u => u.TenantId == tenantId && u.UserId == userId).ExecuteDeleteAsync(context.CancellationToken);
        BillingLog.Pseudonymised(logger, rows, tenantId);
    }
}
