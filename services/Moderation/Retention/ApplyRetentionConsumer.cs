using Chatbot.Contracts.Chat;
using Chatbot.Moderation.Data;
using Chatbot.Moderation.Data.Entities;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Moderation.Retention;

/// <summary>
/// Moderation follows the tenant's retention clock (issue 28 item 1): review items created before the cutoff are
/// deleted, and audit entries older than it keep their verdict and categories but lose the masked text and its hash.
/// In batches of <see cref="BatchSize"/>, each its own statement, found through the (tenant_id, status, created_at, id)
/// and (tenant_id, created_at, id) indexes; the tenant is entered by the consume filter (row-level security).
/// Running again changes nothing more.
/// </summary>
public sealed partial class ApplyRetentionConsumer(ModerationDbContext db, ILogger<ApplyRetentionConsumer> logger) : IConsumer<RetentionApplied>
{
    public const int BatchSize = 1000;
    private static readonly string[] Statuses = [ReviewStatuses.Pending, ReviewStatuses.Approved, ReviewStatuses.Rejected];

    public async Task Consume(ConsumeContext<RetentionApplied> context)
    {
        var (tenantId, cutoff, ct) = (context.Message.TenantId, context.Message.Cutoff, context.CancellationToken);
        var (reviews, audits) = (0, 0);
        int batch;
        do
        {
            var ids = await db.ReviewItems.Where(r => r.TenantId == tenantId && Statuses.Contains(r.Status) && r.CreatedAt < cutoff)
                .Select(r => r.Id).Take(BatchSize).ToListAsync(ct);
            batch = ids.Count == 0 ? 0 : await db.ReviewItems.Where(r => r.TenantId == tenantId && ids.Contains(r.Id)).ExecuteDeleteAsync(ct);
            reviews += batch;
        }
        while (batch == BatchSize);
        do
        {
            var ids = await db.AuditEntries.Where(e => e.TenantId == tenantId && e.CreatedAt < cutoff && (e.MaskedText != null || e.TextHash != null))
                .OrderBy(e => e.CreatedAt).Select(e => e.Id).Take(BatchSize).ToListAsync(ct);
            batch = ids.Count == 0 ? 0 : await db.AuditEntries.Where(e => e.TenantId == tenantId && ids.Contains(e.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.MaskedText, (string?)null).SetProperty(e => e.TextHash, (string?)null), ct);
            audits += batch;
        }
        while (batch == BatchSize);
        LogApplied(tenantId, reviews, audits);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention of tenant {TenantId}: deleted {Reviews} review items, cleared the text of {Audits} audit entries")]
    private partial void LogApplied(Guid tenantId, int reviews, int audits);
}
