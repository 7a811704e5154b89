using Chatbot.Contracts.Identity;
using MassTransit;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Erasure;

/// <summary>
/// The Redis part of an erasure that no single owner lists: the users are marked erased (so queued turns are dropped),
/// then every key whose name holds a user's id (either spelling: billing's quota counters and limits, per-user rate-limit
/// windows, idempotency entries) is found with SCAN (never KEYS, so Redis is not blocked) and deleted. Reply streams and
/// output contexts are named by reply id and are deleted by chat, which knows the ids. Running again deletes nothing.
/// </summary>
public sealed partial class EraseRedisKeysConsumer(IConnectionMultiplexer redis, ErasedUsers erased, TimeProvider time,
    ILogger<EraseRedisKeysConsumer> logger) : IConsumer<ErasureRequested>
{
    private const int PageSize = 1000;

    public async Task Consume(ConsumeContext<ErasureRequested> context)
    {
        var request = context.Message;
        await erased.MarkAsync(request.UserIds);
        var database = redis.GetDatabase();
        long deleted = 0;
        var patterns = request.UserIds.SelectMany(id => new[] { $"*{id:N}*", $"*{id:D}*" });
        if (request.WholeTenant)
        {
            patterns = patterns.Append($"*{request.TenantId:N}*");
        }
        foreach (var pattern in patterns)
        {
            foreach (var server in redis.GetServers().Where(s => !s.IsReplica))
            {
                var page = new List<RedisKey>(PageSize);
                await foreach (var key in server.KeysAsync(database.Database, pattern, PageSize).WithCancellation(context.CancellationToken))
                {
                    page.Add(key);
                    if (page.Count == PageSize)
                    {
                        deleted += await database.KeyDeleteAsync([.. page]);
                        page.Clear();
                    }
                }
                if (page.Count > 0)
                {
                    deleted += await database.KeyDeleteAsync([.. page]);
                }
            }
        }
        await context.Publish(ErasureProtocol.Report(request, "inference-worker", "redis-keys", ErasureProtocol.Deleted, deleted,
            time.GetUtcNow()), context.CancellationToken);
        LogErased(request.ErasureId, deleted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure {ErasureId}: deleted {Keys} Redis keys naming the erased users")]
    private partial void LogErased(Guid erasureId, long keys);
}
