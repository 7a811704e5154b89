using Chatbot.Contracts.Identity;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Erasure;

/// <summary>
/// The erased-user markers (<see cref="ErasureProtocol.ErasedUserKey"/>, a hash of the id) identity and this worker set:
/// a <c>GenerateReply</c> still queued for an erased user is dropped instead of answered.
/// </summary>
public sealed class ErasedUsers(IConnectionMultiplexer redis)
{
    public Task<bool> IsErasedAsync(Guid userId) => redis.GetDatabase().KeyExistsAsync(ErasureProtocol.ErasedUserKey(userId));

    public async Task MarkAsync(IEnumerable<Guid> userIds)
    {
        var database = redis.GetDatabase();
        foreach (var id in userIds)
        {
            await database.StringSetAsync(ErasureProtocol.ErasedUserKey(id), "1", ErasureProtocol.ErasedMarkerLifetime);
        }
    }
}
