using System.Globalization;
using System.Text;
using Chatbot.Moderation.Data;
using Chatbot.Moderation.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Moderation.Audit;

/// <summary>
/// A tenant's review queue: keyset pages newest first on (created_at, id) (index tenant_id, status, created_at, id),
/// and decisions (approve / reject) recorded on the item and in the audit log with the deciding admin.
/// </summary>
public sealed class ReviewQueue(ModerationDbContext db, AuditWriter audit, TimeProvider clock)
{
    public async Task<ReviewPage> ListAsync(Guid tenantId, string status, string? cursor, int limit, CancellationToken ct)
    {
        var query = db.ReviewItems.AsNoTracking().Where(r => r.TenantId == tenantId && r.Status == status);
        if (Decode(cursor) is var (createdAt, id))
        {
            query = query.Where(r => r.CreatedAt < createdAt || (r.CreatedAt == createdAt && r.Id.CompareTo(id) < 0));
        }
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(limit + 1).ToListAsync(ct);
        var items = rows.Take(limit).Select(r => new ReviewItemDto(r.Id, r.ReplyId, r.UserId, r.Source, r.Categories,
            r.MaskedText, r.Status, r.Note, r.CreatedAt, r.DecidedBy, r.DecidedAt)).ToList();
        return new ReviewPage(items, rows.Count > limit ? Encode(rows[limit - 1]) : null);
    }

    /// <summary>Decides a pending item; false when the item is unknown to this tenant or already decided.</summary>
    public async Task<bool> DecideAsync(Guid tenantId, Guid itemId, Guid adminId, bool approve, string? note, CancellationToken ct)
    {
        var item = await db.ReviewItems.FirstOrDefaultAsync(r => r.Id == itemId && r.TenantId == tenantId, ct);
        if (item is null || item.Status != ReviewStatuses.Pending) return false;
        item.Status = approve ? ReviewStatuses.Approved : ReviewStatuses.Rejected;
        item.Note = note;
        item.DecidedBy = adminId;
        item.DecidedAt = clock.GetUtcNow();
        await audit.RecordAsync(tenantId, item.UserId, item.ReplyId, "review", item.Status, item.Categories, item.MaskedText,
            queue: false, ct, actor: adminId.ToString());
        return true;
    }

    private static string Encode(ReviewItem r) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{r.CreatedAt.UtcTicks}:{r.Id:N}"));

    private static (DateTimeOffset, Guid)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            return (new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.ParseExact(parts[1], "N"));
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new BadHttpRequestException("The cursor is not valid.");
        }
    }
}
