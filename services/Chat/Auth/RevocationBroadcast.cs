using StackExchange.Redis;

namespace Chatbot.Chat.Auth;

/// <summary>
/// Fans identity's revocations out to every chat replica: the consumer (one replica) records the fact in Redis and
/// publishes on <see cref="Channel"/>; every replica's subscription updates its memory caches.
/// </summary>
public sealed partial class RevocationBroadcast(IConnectionMultiplexer redis, DeletedUsers deletedUsers, ApiKeyVerifier apiKeys,
    ILogger<RevocationBroadcast> logger) : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("chat:identity:revocations");
    private const string UserPrefix = "user:";
    private const string ApiKeyPrefix = "apikey:";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => Apply(message.ToString()));
    }

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(Channel);

    public async Task UserDeletedAsync(Guid userId)
    {
        await redis.GetDatabase().StringSetAsync(DeletedUsers.KeyOf(userId.ToString()), "1", DeletedUsers.RememberFor);
        deletedUsers.MarkDeleted(userId.ToString());
        await redis.GetSubscriber().PublishAsync(Channel, UserPrefix + userId);
    }

    public async Task ApiKeyRevokedAsync(Guid keyId)
    {
        apiKeys.Evict(keyId);
        await redis.GetSubscriber().PublishAsync(Channel, ApiKeyPrefix + keyId);
    }

    /// <summary>Applies one broadcast to this replica's caches.</summary>
    public void Apply(string message)
    {
        if (message.StartsWith(UserPrefix, StringComparison.Ordinal))
        {
            deletedUsers.MarkDeleted(message[UserPrefix.Length..]);
        }
        else if (message.StartsWith(ApiKeyPrefix, StringComparison.Ordinal) && Guid.TryParse(message[ApiKeyPrefix.Length..], out var keyId))
        {
            apiKeys.Evict(keyId);
        }
        else
        {
            LogUnknownMessage(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unknown revocation broadcast")]
    private static partial void LogUnknownMessage(ILogger logger);
}
