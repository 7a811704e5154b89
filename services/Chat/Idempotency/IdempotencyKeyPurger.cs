using Chatbot.Chat.Data;
using Chatbot.Chat.Tenancy;
using Chatbot.ServiceDefaults.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Idempotency;

/// <summary>
/// Deletes idempotency keys older than <see cref="IdempotentRequestOptions.KeyLifetime"/> in batches of
/// <see cref="IdempotencyOptions.PurgeBatchSize"/>: each batch is one statement in its own short transaction, finding its
/// rows through the <c>created_at</c> index, oldest first (replicas purging at once just find fewer rows).
/// Row-level security hides every tenant's keys from a flow with no tenant; the <c>expiry_purge</c> policies let this
/// job (and only a transaction that sets <c>app.purge</c>) see and delete them.
/// </summary>
public sealed partial class IdempotencyKeyPurger(
    IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, IOptions<IdempotentRequestOptions> keys, TimeProvider clock,
    ILogger<IdempotencyKeyPurger> logger)
    : BackgroundService
{
    public const string PurgeSetting = CrossTenantScope.Setting;
    public const string PurgeScope = "idempotency_keys";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        do
        {
            try
            {
                await PurgeExpiredAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every key that expired; returns how many rows this call deleted.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var cutoff = clock.GetUtcNow() - keys.Value.KeyLifetime;
        var total = 0;
        int deleted;
        do
        {
            deleted = await PurgeBatchAsync(cutoff, settings.PurgeBatchSize, ct);
            total += deleted;
        }
        while (deleted == settings.PurgeBatchSize && !ct.IsCancellationRequested);
        if (total > 0)
        {
            LogPurged(total);
        }
        return total;
    }

    private async Task<int> PurgeBatchAsync(DateTimeOffset cutoff, int batchSize, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        await using var transaction = await db.BeginCrossTenantScopeAsync(PurgeScope, ct);
        var deleted = await db.Database.ExecuteSqlAsync($"""
            DELETE FROM idempotency_keys
            WHERE ctid = ANY(ARRAY(
                SELECT ctid FROM idempotency_keys
                WHERE created_at < {cutoff}
                ORDER BY created_at
                LIMIT {batchSize}))
            """, ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired idempotency keys")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Purging expired idempotency keys failed")]
    private partial void LogPurgeFailed(Exception ex);
}
