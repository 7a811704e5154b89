using Chatbot.Contracts.Identity;
using Chatbot.Moderation.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Moderation.Erasure;

/// <summary>
/// Moderation's part of an erasure. Review items are deleted: they are work for an admin about the person's text, and
/// without the text nothing is left to review. Audit entries are pseudonymised, not deleted: the log of what the system
/// and the admins decided (verdict, categories, time, reply id) stays whole for accountability and the tenant's
/// statistics, but the user id, an actor that was the person, the masked text, its hash and a report's free-text reason
/// go. Running again changes nothing more (identity keeps the first report).
/// </summary>
public sealed partial class EraseModerationDataConsumer(ModerationDbContext db, TimeProvider time, ILogger<EraseModerationDataConsumer> logger)
    : IConsumer<ErasureRequested>
{
    public const string ErasedActor = "erased";
    private const string ReportPrefix = "user_report:";

    public async Task Consume(ConsumeContext<ErasureRequested> context)
    {
        var request = context.Message;
        var ct = context.CancellationToken;
        var (tenantId, ids, whole) = (request.TenantId, request.UserIds.ToList(), request.WholeTenant);
        var actors = ids.Select(id => id.ToString()).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var reviews = await db.ReviewItems.Where(r => r.TenantId == tenantId && (whole || (r.UserId != null && ids.Contains(r.UserId.Value))))
            .ExecuteDeleteAsync(ct);
        // A decision an erased admin took stays, without their id.
        await db.ReviewItems.Where(r => r.TenantId == tenantId && r.DecidedBy != null && (whole || ids.Contains(r.DecidedBy.Value)))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DecidedBy, (Guid?)null), ct);
        var audits = await db.AuditEntries
            .Where(e => e.TenantId == tenantId && (whole || (e.UserId != null && ids.Contains(e.UserId.Value)) || actors.Contains(e.Actor)))
            .Where(e => e.UserId != null || e.MaskedText != null || e.TextHash != null || e.Actor.Length == 36)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.UserId, (Guid?)null)
                .SetProperty(e => e.MaskedText, (string?)null)
                .SetProperty(e => e.TextHash, (string?)null)
                .SetProperty(e => e.Actor, e => e.Actor.Length == 36 ? ErasedActor : e.Actor)
                .SetProperty(e => e.Categories, e => e.Categories.StartsWith(ReportPrefix) ? "user_report" : e.Categories), ct);
        await transaction.CommitAsync(ct);

        var now = time.GetUtcNow();
        await context.PublishBatch(new[]
        {
            ErasureProtocol.Report(request, "moderation", "review-items", ErasureProtocol.Deleted, reviews, now),
            ErasureProtocol.Report(request, "moderation", "audit-entries", ErasureProtocol.Pseudonymised, audits, now),
        }, ct);
        LogErased(request.ErasureId, reviews, audits);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure {ErasureId}: moderation deleted {Reviews} review items, pseudonymised {Audits} audit entries")]
    private partial void LogErased(Guid erasureId, int reviews, int audits);
}
