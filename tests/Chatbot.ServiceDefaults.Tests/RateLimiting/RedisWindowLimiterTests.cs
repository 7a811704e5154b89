using Chatbot.ServiceDefaults.RateLimiting;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using StackExchange.Redis;

namespace Chatbot.ServiceDefaults.Tests.RateLimiting;

/// <summary>The shared window limiter itself, two connections (two replicas) on one real redis-server.</summary>
public sealed class RedisWindowLimiterTests
{
    [Fact]
    public async Task The_limit_is_shared_by_two_replicas_through_redis()
    {
        await using var redis = await OwnRedis.StartAsync();
        await using var firstRedis = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        await using var otherRedis = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var first = new RedisWindowLimiter(firstRedis);
        var second = new RedisWindowLimiter(otherRedis);
        var caller = $"moderation-api:{Guid.NewGuid()}:{Guid.NewGuid()}";

        var outcomes = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            var decision = await (i % 2 == 0 ? first : second).AcquireAsync(caller, RateLimitRule.PerMinute(3));
            outcomes.Add(decision.Allowed);
            Assert.InRange(decision.RetryAfter, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        }

        // Per instance each would have allowed all three of its own calls (six in total); shared, only three pass.
        Assert.Equal(3, outcomes.Count(o => o));
        Assert.False(outcomes[^1]);
    }
}
