using Chatbot.Contracts.Identity;
using Chatbot.Identity.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Identity.Erasure;

/// <summary>
/// Writes one store's report into the receipt. The first report per (erasure, service, store) is kept (insert or
/// nothing), so a redelivered or repeated report changes nothing; when the last expected store has reported the erasure
/// is marked completed. A report for an erasure identity does not know is dropped.
/// </summary>
public sealed partial class RecordErasureReportConsumer(IdentityDbContext db, TimeProvider time, ILogger<RecordErasureReportConsumer> logger)
    : IConsumer<ErasureStoreCompleted>
{
    public async Task Consume(ConsumeContext<ErasureStoreCompleted> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (!ErasureProtocol.ExpectedStores.Contains($"{m.Service}/{m.Store}") || !await db.Erasures.AnyAsync(e => e.Id == m.ErasureId, ct))
        {
            LogUnknown(m.ErasureId);
            return;
        }
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ErasureReports" ("ErasureId", "Service", "Store", "Action", "Count", "At")
            VALUES ({m.ErasureId}, {m.Service}, {m.Store}, {m.Action}, {m.Count}, {m.At})
            ON CONFLICT DO NOTHING
            """, ct);
        var reported = await db.ErasureReports.Where(r => r.ErasureId == m.ErasureId).Select(r => r.Service + "/" + r.Store).ToListAsync(ct);
        if (ErasureCompletion.IsComplete(reported))
        {
            var now = time.GetUtcNow();
            var marked = await db.Erasures.Where(e => e.Id == m.ErasureId && e.CompletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.CompletedAt, now), ct);
            if (marked > 0)
            {
                LogCompleted(m.ErasureId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped an erasure report for unknown erasure {ErasureId} or store")]
    private partial void LogUnknown(Guid erasureId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure {ErasureId} completed")]
    private partial void LogCompleted(Guid erasureId);
}
