using StackExchange.Redis;

namespace Chatbot.ServiceDefaults.RateLimiting;

/// <summary>
/// A fixed window per key in Redis, opened by its first request (INCR + PEXPIRE in one script, so the count and its
/// expiry are one atomic step), so every replica of every service counts against the same budget. The one window
/// limiter of the system: identity's per-IP limits, moderation's API limit and the request limits of the public origin.
/// </summary>
public sealed class RedisWindowLimiter(IConnectionMultiplexer redis)
{
    public const string KeyPrefix = "chatbot:ratelimit:";

    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
        return { count, ttl }
        """;

    /// <summary>Counts one request against <paramref name="key"/>'s window of <paramref name="rule"/>.</summary>
    /// <exception cref="RedisException">Redis cannot be reached: the caller decides whether to fail open or closed.</exception>
    public async Task<RateLimitDecision> AcquireAsync(string key, RateLimitRule rule)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            Script, [(RedisKey)(KeyPrefix + key)], [(long)rule.Window.TotalMilliseconds]))!;
        var count = (long)result[0];
        return new RateLimitDecision(count <= rule.PermitLimit, count, TimeSpan.FromMilliseconds((long)result[1]));
    }
}
