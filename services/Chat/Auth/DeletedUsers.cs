using System.Collections.Concurrent;
using Chatbot.Contracts.Identity;
using Chatbot.ServiceDefaults.Authentication;
using StackExchange.Redis;

namespace Chatbot.Chat.Auth;

/// <summary>
/// Rejects tokens of users identity has deleted. Truth is in Redis (<c>chatbot:erased:{hash of id}</c>, written by identity and the
/// <c>UserDeleted</c> consumer on one replica); each replica keeps a small memory cache, told at once over Redis
/// pub/sub and re-checked against Redis at most every <see cref="RecheckAfter"/> per user, so a replica that missed
/// the broadcast (or started later) is wrong for at most that long. One Redis read per user per 30 s, not per request.
/// </summary>
public sealed class DeletedUsers(IConnectionMultiplexer redis, TimeProvider time) : ITokenSubjectRevocationCheck
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RememberFor = ErasureProtocol.ErasedMarkerLifetime;
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, (bool Deleted, DateTimeOffset CheckedAt)> _known = new();

    /// <summary>The erased-user marker identity also sets (<see cref="ErasureProtocol.ErasedUserKey"/>): a hash, not the id.</summary>
    public static RedisKey KeyOf(string userId) =>
        Guid.TryParse(userId, out var id) ? ErasureProtocol.ErasedUserKey(id) : "chatbot:erased:not-a-user-id";

    public async ValueTask<bool> IsRevokedAsync(string subject, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_known.TryGetValue(subject, out var known) && (known.Deleted || now - known.CheckedAt < RecheckAfter))
        {
            return known.Deleted;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = await redis.GetDatabase().KeyExistsAsync(KeyOf(subject));
        if (_known.Count >= MaxEntries)
        {
            _known.Clear();
        }
        _known[subject] = (deleted, now);
        return deleted;
    }

    /// <summary>Called for the pub/sub broadcast on every replica.</summary>
    public void MarkDeleted(string userId) => _known[userId] = (true, time.GetUtcNow());
}
