using Chatbot.Moderation.Api;
using StackExchange.Redis;

namespace Chatbot.Moderation.IntegrationTests;

[Collection(ModerationCollection.Name)]
public sealed class RateLimitTests(ModerationFixture fixture)
{
    [Fact]
    public async Task The_api_limit_is_shared_by_two_replicas_through_redis()
    {
        await using var otherRedis = await ConnectionMultiplexer.ConnectAsync(fixture.RedisConnection);
        var first = new RedisWindowLimiter(fixture.Redis, TimeProvider.System);
        var second = new RedisWindowLimiter(otherRedis, TimeProvider.System);
        var caller = $"{Guid.NewGuid()}:{Guid.NewGuid()}";

        var outcomes = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            var (allowed, retryAfter) = await (i % 2 == 0 ? first : second).TryAcquireAsync(caller, limit: 3);
            outcomes.Add(allowed);
            Assert.InRange(retryAfter, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        }

        // Per instance each would have allowed all three of its own calls (six in total); shared, only three pass.
        Assert.Equal(3, outcomes.Count(o => o));
        Assert.False(outcomes[^1]);
    }
}
