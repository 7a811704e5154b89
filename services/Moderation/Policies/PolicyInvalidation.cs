using StackExchange.Redis;

namespace Chatbot.Moderation.Policies;

/// <summary>
/// Redis pub/sub: a policy write publishes the tenant id on <see cref="Channel"/>, and every replica (this one too)
/// drops its cached policy of that tenant, so a change applies everywhere at once rather than after the cache expiry.
/// </summary>
public sealed class PolicyInvalidation(IConnectionMultiplexer redis, PolicyProvider policies) : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("chatbot:moderation:policy-changed");

    public Task PublishAsync(Guid tenantId)
    {
        policies.Invalidate(tenantId);
        return redis.GetSubscriber().PublishAsync(Channel, tenantId.ToString("N"));
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
        {
            if (Guid.TryParse(message.ToString(), out var tenantId)) policies.Invalidate(tenantId);
        });

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(Channel);
}
