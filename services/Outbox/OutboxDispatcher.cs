using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatbot.Outbox;

/// <summary>
/// Publishes outbox rows to RabbitMQ. Each round takes a batch of due rows under <c>FOR UPDATE SKIP LOCKED</c>, so
/// several replicas share the work, and only the oldest pending row of each ordering key (chat: the conversation), so one key's
/// messages go out in order. Published rows are deleted in the same transaction; failed rows are retried with
/// exponential backoff and jitter, holding back the later rows of their ordering key, until
/// <see cref="OutboxOptions.MaxAttempts"/>: then <see cref="OutboxDeadLetters"/> takes the row out of the way and the
/// <see cref="IOutboxDeadLetterHandler"/>s undo what it would have started.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, OutboxPublisher publisher, OutboxSignal signal, OutboxDeadLetters deadLetters, IOptions<OutboxOptions> options,
    TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(_ => RunRoundsAsync(stoppingToken)));

    private async Task RunRoundsAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await DispatchBatchAsync(stoppingToken) >= options.Value.BatchSize;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(ex);
            }
            if (!full)
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>One round; returns how many rows it handled.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IOutboxDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batchSize = options.Value.BatchSize;
        var rows = await db.OutboxMessages.FromSql($"""
            SELECT * FROM outbox_messages o
            WHERE o.dead_lettered_at IS NULL AND o.next_attempt_at <= now()
              AND NOT EXISTS (SELECT 1 FROM outbox_messages p
                              WHERE p.ordering_key = o.ordering_key AND p.id < o.id AND p.dead_lettered_at IS NULL)
            ORDER BY o.id
            LIMIT {batchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return 0;
        }
        var outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, ct)));
        var published = rows.Where((_, i) => outcomes[i]).ToList();
        db.OutboxMessages.RemoveRange(published);
        var deadLettered = false;
        var afterCommit = new List<Func<Task>>();
        foreach (var failed in rows.Where((_, i) => !outcomes[i]))
        {
            failed.Attempts++;
            failed.NextAttemptAt = clock.GetUtcNow() + RetryDelay(failed.Attempts);
            if (deadLetters.IsExhausted(failed))
            {
                deadLettered = true;
                afterCommit.AddRange(await deadLetters.DeadLetterAsync(failed,
                    scope.ServiceProvider.GetServices<IOutboxDeadLetterHandler>(), ct));
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var work in afterCommit)
        {
            await work();
        }
        if (deadLettered)
        {
            signal.Notify(); // rows held back behind the dead one are due now
        }
        return rows.Count;
    }

    private async Task<bool> PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        try
        {
            await publisher.PublishAsync(row, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            row.LastError = OutboxPublisher.ErrorOf(ex);
            LogPublishFailed(ex, row.Id, row.MessageType, row.Attempts + 1);
            return false;
        }
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var first = options.Value.FirstRetryDelay.TotalMilliseconds;
        var capped = Math.Min(first * Math.Pow(2, Math.Min(attempts - 1, 20)), options.Value.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {RowId} ({MessageType}) failed to publish, attempt {Attempt}")]
    private partial void LogPublishFailed(Exception ex, long rowId, string messageType, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch round failed")]
    private partial void LogRoundFailed(Exception ex);
}
