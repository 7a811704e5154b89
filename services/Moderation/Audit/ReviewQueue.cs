using Chatbot.Moderation.Data;
using Chatbot.Moderation.Data.Entities;
using Chatbot.ServiceDefaults.Paging;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Moderation.Audit;

/// <summary>
/// A tenant's review queue: keyset pages newest first on (created_at, id) (index tenant_id, status, created_at, id; the
/// public origin's <see cref="KeysetCursor"/>),
/// and decisions (approve / reject) recorded on the item and in the audit log with the deciding admin.
/// </summary>
public sealed class ReviewQueue(ModerationDbContext db, AuditWriter audit, AdminAudit adminAudit, TimeProvider clock)
{
    public async Task<Page<ReviewItemDto>> ListAsync(Guid tenantId, string status, KeysetCursor? after, int limit, CancellationToken ct)
    {
        var query = db.ReviewItems.AsNoTracking().Where(r => r.TenantId == tenantId && r.Status == status);
        if (after is not null)
        {
            query = query.Where(r => r.CreatedAt < after.CreatedAt || (r.CreatedAt == after.CreatedAt && r.Id.CompareTo(after.Id) < 0));
        }
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(limit + 1).ToListAsync(ct);
        var items = rows.Take(limit).Select(r => new ReviewItemDto(r.Id, r.ReplyId, r.UserId, r.Source, r.Categories,
            r.MaskedText, r.Status, r.Note, r.CreatedAt, r.DecidedBy, r.DecidedAt)).ToList();
        return new Page<ReviewItemDto>(items, rows.Count > limit ? new KeysetCursor(items[^1].CreatedAt, items[^1].Id).Encode() : null);
    }

    /// <summary>
    /// Decides a pending item, with its admin audit entry in the same transaction (the note is not copied there: free
    /// text); false when the item is unknown to this tenant or already decided.
    /// </summary>
    public async Task<bool> DecideAsync(Guid tenantId, Guid itemId, Guid adminId, bool approve, string? note, CancellationToken ct)
    {
        var item = await db.ReviewItems.FirstOrDefaultAsync(r => r.Id == itemId && r.TenantId == tenantId, ct);
        if (item is null || item.Status != ReviewStatuses.Pending) return false;
        item.Status = approve ? ReviewStatuses.Approved : ReviewStatuses.Rejected;
        item.Note = note;
        item.DecidedBy = adminId;
        item.DecidedAt = clock.GetUtcNow();
        adminAudit.Record(adminId, tenantId, $"moderation.review.{item.Status}", $"review-items/{itemId}",
            new { status = ReviewStatuses.Pending }, new { status = item.Status, noted = note is not null });
        await audit.RecordAsync(tenantId, item.UserId, item.ReplyId, "review", item.Status, item.Categories, item.MaskedText,
            queue: false, ct, actor: adminId.ToString());
        return true;
    }

}
