using Chatbot.Chat.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Operations;

/// <summary>
/// <c>backup_runs</c> in chatdb (migration BackupRuns): one row per finished <c>scripts/backup.sh</c>, which inserts it
/// after every dump and its checksums are written. Plain SQL: the table is not in the EF model (nothing in chat writes it).
/// </summary>
public sealed class BackupLog(ChatDbContext db)
{
    public async Task<BackupRecord?> NewestAsync(CancellationToken ct) =>
        (await db.Database.SqlQuery<BackupRecord>($"""
            SELECT completed_at AS "CompletedAt", label AS "Label" FROM backup_runs ORDER BY completed_at DESC LIMIT 1
            """).ToListAsync(ct)).SingleOrDefault();
}
