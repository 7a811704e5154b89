using StackExchange.Redis;

namespace Chatbot.Moderation.Api;

/// <summary>
/// A fixed one-minute window per caller, counted in Redis (one atomic INCR + PEXPIRE script), so the limit holds across
/// every replica of the service rather than per instance.
/// </summary>
public sealed class RedisWindowLimiter(IConnectionMultiplexer redis, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly LuaScript Increment = LuaScript.Prepare(
        "local n = redis.call('INCR', @key) if n == 1 then redis.call('PEXPIRE', @key, @ttl) end return n");

    /// <summary>Counts one request of <paramref name="caller"/>; not allowed beyond <paramref name="limit"/> in the current window.</summary>
    public async Task<(bool Allowed, TimeSpan RetryAfter)> TryAcquireAsync(string caller, int limit)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var window = now / (long)Window.TotalMilliseconds;
        var key = $"chatbot:moderation:api-rate:{caller}:{window}";
        var count = (long)await redis.GetDatabase().ScriptEvaluateAsync(Increment,
            new { key = (RedisKey)key, ttl = (long)Window.TotalMilliseconds * 2 });
        var retryAfter = TimeSpan.FromMilliseconds((window + 1) * (long)Window.TotalMilliseconds - now);
        return (count <= limit, retryAfter);
    }
}
