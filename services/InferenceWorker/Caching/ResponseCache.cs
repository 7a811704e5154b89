using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Streaming;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Caching;

/// <summary>
/// The response cache in Redis: <c>chatbot:response-cache:{tenant:N}:{key}</c> (the key is moderation's
/// <see cref="GenerateReply.CacheKey"/>), a JSON <see cref="CachedReply"/> that expires after the tenant's
/// <see cref="GenerateReply.CacheTtlSeconds"/>. The tenant id is part of the Redis key, so no entry is shared across tenants.
/// </summary>
public sealed class ResponseCache(IConnectionMultiplexer redis)
{
    public static string Key(Guid tenantId, string cacheKey) => ResponseCacheKey.EntryKey(tenantId, cacheKey);

    public async Task<CachedReply?> ReadAsync(GenerateReply request)
    {
        if (request.CacheKey is null) return null;
        var value = await redis.GetDatabase().StringGetAsync(Key(request.TenantId, request.CacheKey));
        return value.IsNullOrEmpty ? null : ReplyStreamJson.Deserialize<CachedReply>(value.ToString());
    }

    /// <summary>Keeps a finished reply for the request's lifetime; a reply cut short (budget) or empty is not kept.</summary>
    public Task StoreAsync(GenerateReply request, string content, DoneEvent done)
    {
        if (request.CacheKey is null || request.CacheTtlSeconds <= 0 || done.Truncated is not null || done.Cached || content.Length == 0)
        {
            return Task.CompletedTask;
        }
        var entry = new CachedReply(content, done.InputTokens, done.OutputTokens, done.Cost, done.Model, done.Provider);
        return redis.GetDatabase().StringSetAsync(Key(request.TenantId, request.CacheKey), ReplyStreamJson.Serialize(entry),
            TimeSpan.FromSeconds(request.CacheTtlSeconds));
    }
}
