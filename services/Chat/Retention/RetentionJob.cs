using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Http;
using Chatbot.Chat.Tenancy;
using Chatbot.Contracts.Chat;
using Chatbot.Contracts.Inference;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Chat.Retention;

/// <summary>
/// Deletes conversations whose last activity (<c>updated_at</c>) is older than their tenant's retention, with their
/// messages and the assistant replies' Redis streams, off every request path. Messages go first, then the emptied
/// conversations, each batch of at most <see cref="RetentionOptions.BatchSize"/> rows one statement in its own short
/// transaction followed by <see cref="RetentionOptions.BatchPause"/>, found through the (tenant_id, updated_at) index. Billing's ledger lives in billingdb and is untouched:
/// chat deletes content only. Which tenants to visit comes from a scan across tenants that only a transaction setting
/// <c>app.purge = 'retention'</c> may read; each tenant is then deleted from under its own tenant context (row-level
/// security as for a request). Progress is written to the tenant's <c>tenant_retention</c> row after every batch; the
/// run's end publishes <see cref="RetentionApplied"/> through the outbox, so moderation drops its review items on the same clock.
/// </summary>
public sealed partial class RetentionJob(
    IServiceScopeFactory scopes, IConnectionMultiplexer redis, IOptions<RetentionOptions> options, TimeProvider clock,
    ILogger<RetentionJob> logger)
    : BackgroundService
{
    public const string ScanScope = "retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first run one interval after start-up: a deployment's restarts do not each start a run.
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRunFailed(ex);
            }
        }
    }

    /// <summary>Visits every tenant with a limit in force that has conversations to delete.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        foreach (var (tenantId, days) in await FindTenantsAsync(ct))
        {
            await RunTenantAsync(tenantId, days, ct);
        }
    }

    /// <summary>One tenant's run; returns each delete statement's row count (messages' batches, then conversations').</summary>
    public async Task<List<int>> RunTenantAsync(Guid tenantId, int days, CancellationToken ct)
    {
        using var tenant = TenantContext.Enter(tenantId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var started = clock.GetUtcNow().TruncateToMicroseconds();
        var cutoff = started.AddDays(-days);
        var row = await StartRunAsync(db, tenantId, started, cutoff, ct);
        var batchSize = options.Value.BatchSize;
        var batches = new List<int>();
        int deleted;
        do
        {
            deleted = await DeleteMessageBatchAsync(db, tenantId, cutoff, batchSize, ct);
            batches.Add(deleted);
            row.LastRunMessagesDeleted += deleted;
            await db.SaveChangesAsync(ct);
            await PauseAsync(deleted, batchSize, ct);
        }
        while (deleted == batchSize);
        do
        {
            var ids = await db.Conversations.Where(c => c.TenantId == tenantId && c.UpdatedAt < cutoff)
                .OrderBy(c => c.UpdatedAt).Select(c => c.Id).Take(batchSize).ToListAsync(ct);
            // Re-checked in the delete: a conversation that got a message since the select is kept (and its messages).
            deleted = ids.Count == 0 ? 0 : await db.Conversations
                .Where(c => c.TenantId == tenantId && ids.Contains(c.Id) && c.UpdatedAt < cutoff).ExecuteDeleteAsync(ct);
            batches.Add(deleted);
            row.LastRunConversationsDeleted += deleted;
            await db.SaveChangesAsync(ct);
            await PauseAsync(deleted, batchSize, ct);
        }
        while (deleted == batchSize);
        row.LastRunFinishedAt = clock.GetUtcNow();
        // The other services' content follows the same clock (moderation's review items), announced in this transaction.
        db.OutboxMessages.Add(OutboxEntry.Create(new RetentionApplied(Guid.NewGuid(), row.LastRunFinishedAt.Value, tenantId, cutoff),
            tenantId, tenantId, row.LastRunFinishedAt.Value));
        await db.SaveChangesAsync(ct);
        LogTenantRun(tenantId, row.LastRunConversationsDeleted, row.LastRunMessagesDeleted);
        return batches;
    }

    /// <summary>Between full batches only: the last (partial) batch ends the loop without waiting.</summary>
    private Task PauseAsync(int deleted, int batchSize, CancellationToken ct) =>
        deleted == batchSize && options.Value.BatchPause > TimeSpan.Zero ? Task.Delay(options.Value.BatchPause, clock, ct) : Task.CompletedTask;

    private static async Task<TenantRetention> StartRunAsync(ChatDbContext db, Guid tenantId, DateTimeOffset started, DateTimeOffset cutoff,
        CancellationToken ct)
    {
        var row = await db.TenantRetentions.FirstOrDefaultAsync(r => r.TenantId == tenantId, ct);
        if (row is null)
        {
            row = new TenantRetention { TenantId = tenantId, IsCustom = false, UpdatedAt = started };
            db.TenantRetentions.Add(row);
        }
        row.LastRunStartedAt = started;
        row.LastRunFinishedAt = null;
        row.LastRunCutoff = cutoff;
        row.LastRunConversationsDeleted = 0;
        row.LastRunMessagesDeleted = 0;
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Up to <paramref name="batchSize"/> messages of the tenant's expired conversations, and their reply streams.</summary>
    private async Task<int> DeleteMessageBatchAsync(ChatDbContext db, Guid tenantId, DateTimeOffset cutoff, int batchSize, CancellationToken ct)
    {
        var batch = await (
                from c in db.Conversations
                where c.TenantId == tenantId && c.UpdatedAt < cutoff
                from m in db.Messages
                where m.TenantId == tenantId && m.ConversationId == c.Id
                select new { m.Id, m.Role })
            .Take(batchSize).ToListAsync(ct);
        if (batch.Count == 0)
        {
            return 0;
        }
        var ids = batch.Select(m => m.Id).ToList();
        var deleted = await db.Messages.Where(m => m.TenantId == tenantId && ids.Contains(m.Id)).ExecuteDeleteAsync(ct);
        RedisKey[] streams = [.. batch.Where(m => m.Role == MessageRoles.Assistant).Select(m => (RedisKey)ReplyStreamProtocol.StreamKey(m.Id))];
        if (streams.Length > 0)
        {
            await redis.GetDatabase().KeyDeleteAsync(streams);
        }
        return deleted;
    }

    /// <summary>Tenants with their own limit, and (under a platform default) tenants with conversations older than it.</summary>
    private async Task<List<(Guid TenantId, int Days)>> FindTenantsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        await using var transaction = await db.BeginCrossTenantScopeAsync(ScanScope, ct);
        var custom = await db.TenantRetentions.AsNoTracking().Where(r => r.IsCustom)
            .Select(r => new { r.TenantId, r.Days }).ToListAsync(ct);
        var tenants = custom.Where(r => r.Days is not null).Select(r => (r.TenantId, r.Days!.Value)).ToList();
        if (options.Value.DefaultDays is { } defaultDays)
        {
            var cutoff = clock.GetUtcNow().AddDays(-defaultDays);
            var withOldConversations = await db.Conversations.AsNoTracking().Where(c => c.UpdatedAt < cutoff)
                .Select(c => c.TenantId).Distinct().ToListAsync(ct);
            var own = custom.Select(r => r.TenantId).ToHashSet();
            tenants.AddRange(withOldConversations.Where(t => !own.Contains(t)).Select(t => (t, defaultDays)));
        }
        await transaction.CommitAsync(ct);
        return tenants;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention deleted {Conversations} conversations and {Messages} messages of tenant {TenantId}")]
    private partial void LogTenantRun(Guid tenantId, long conversations, long messages);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention run failed")]
    private partial void LogRunFailed(Exception ex);
}
