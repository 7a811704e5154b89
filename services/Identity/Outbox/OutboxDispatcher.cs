using System.Text.Json;
using Chatbot.Identity.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Identity.Outbox;

/// <summary>
/// Publishes outbox rows to RabbitMQ in order, at least once. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so
/// several identity replicas can run it. Consumers dedupe on the message's CorrelationId where it matters.
/// </summary>
internal sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, IBus bus, OutboxSignal signal,
    TimeProvider time, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDispatchFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    internal async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.OutboxMessages
            .FromSql($"""SELECT * FROM "OutboxMessages" WHERE "DispatchedAt" IS NULL ORDER BY "CreatedAt" LIMIT 50 FOR UPDATE SKIP LOCKED""")
            .ToListAsync(ct);
        foreach (var row in batch)
        {
            var type = OutboxMessageTypes.Resolve(row.Type);
            var message = JsonSerializer.Deserialize(row.Payload, type)!;
            await bus.Publish(message, type, ct);
            row.DispatchedAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return batch.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
