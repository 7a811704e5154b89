using StackExchange.Redis;

namespace Chatbot.Moderation.Policies;

/// <summary>
/// Redis pub/sub: a policy write publishes the tenant id on <see cref="Channel"/>, and every replica (this one too)
/// drops its cached policy of that tenant, so a change applies everywhere at once rather than after the cache expiry.
/// </summary>
public sealed class PolicyInvalidation(IConnectionMultiplexer redis, PolicyProvider policies, Flow.ResponseCacheMarks cacheMarks) : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("chatbot:moderation:policy-changed");

    /// <summary>Also forgets the tenant's policy fingerprint: chat answers no cache hit until moderation decided under the new policy.</summary>
    public async Task PublishAsync(Guid tenantId)
    {
        policies.Invalidate(tenantId);
        await cacheMarks.ForgetPolicyAsync(tenantId);
        await redis.GetSubscriber().PublishAsync(Channel, tenantId.ToString("N"));
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
        {
            if (Guid.TryParse(message.ToString(), out var tenantId)) policies.Invalidate(tenantId);
        });

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(Channel);
}
