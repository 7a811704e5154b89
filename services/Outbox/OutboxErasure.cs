using Microsoft.EntityFrameworkCore;

namespace Chatbot.Outbox;

/// <summary>
/// Erasure's part in an outbox: unpublished rows of the tenant whose payload names one of the erased users (in the
/// JSON's canonical "D" form) are deleted, so a queued message about them is never sent. The table only holds rows not
/// yet published (the dispatcher deletes what it sends), so the scan is short.
/// </summary>
public static class OutboxErasure
{
    public static Task<int> DeleteRowsNamingAsync(IOutboxDbContext db, Guid tenantId, IReadOnlyCollection<Guid> userIds, bool wholeTenant,
        CancellationToken ct)
    {
        if (wholeTenant)
        {
            return db.OutboxMessages.Where(o => o.TenantId == tenantId).ExecuteDeleteAsync(ct);
        }
        var patterns = userIds.Select(id => $"%{id:D}%").ToArray();
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM outbox_messages WHERE tenant_id = {tenantId} AND payload::text ILIKE ANY({patterns})", ct);
    }
}
