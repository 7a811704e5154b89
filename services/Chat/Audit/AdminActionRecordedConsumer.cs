using Chatbot.Contracts.Audit;
using Chatbot.Contracts.Identity;
using MassTransit;
using StackExchange.Redis;

namespace Chatbot.Chat.Audit;

/// <summary>
/// Stores every service's admin action in chat's audit log, acting for the entry's tenant (the consume filter). An entry
/// of an actor erased before it arrived (identity's erased-user marker) is stored under the actor's pseudonym.
/// </summary>
public sealed class AdminActionRecordedConsumer(AdminAuditStore store, IConnectionMultiplexer redis) : IConsumer<AdminActionRecorded>
{
    public async Task Consume(ConsumeContext<AdminActionRecorded> context)
    {
        var entry = context.Message;
        if (await redis.GetDatabase().KeyExistsAsync(ErasureProtocol.ErasedUserKey(entry.ActorId)))
        {
            entry = entry with { ActorId = ErasureProtocol.Pseudonym(entry.ActorId) };
        }
        await store.AppendAsync(entry.CorrelationId, entry, context.CancellationToken);
    }
}
