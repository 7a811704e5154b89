using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>A tenant's tool calls per minute, counted in Redis (fixed one-minute windows) so the cap holds across workers.</summary>
public sealed class ToolCallLimiter(IConnectionMultiplexer redis, IOptions<ToolOptions> options, TimeProvider clock)
{
    public async Task<bool> TryAcquireAsync(Guid tenantId)
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var key = $"chatbot:tools:{tenantId:N}:calls:{minute}";
        var db = redis.GetDatabase();
        var count = await db.StringIncrementAsync(key);
        if (count == 1) await db.KeyExpireAsync(key, TimeSpan.FromMinutes(2));
        return count <= options.Value.MaxCallsPerMinute;
    }
}
