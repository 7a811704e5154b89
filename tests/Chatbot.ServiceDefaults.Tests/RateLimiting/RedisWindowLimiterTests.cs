using Chatbot.ServiceDefaults.RateLimiting;
using StackExchange.Redis;

namespace Chatbot.Moderation.IntegrationTests;

[Collection(ModerationCollection.Name)]
public sealed class RateLimitTests(ModerationFixture fixture)
{
    [Fact]
    public async Task The_api_limit_is_shared_by_two_replicas_through_redis()
    {
        await using var otherRedis = await ConnectionMultiplexer.ConnectAsync(fixture.RedisConnection);
        var first = new RedisWindowLimiter(fixture.Redis);
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
