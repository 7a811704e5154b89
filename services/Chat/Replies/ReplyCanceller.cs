using Chatbot.Contracts.Inference;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Chat.Replies;

/// <summary>
/// Asks the worker to stop a reply: the cancel key (for a worker that picks the request up later) and a pub/sub
/// message on <see cref="ReplyStreamProtocol.CancelChannel"/> (for the worker generating it now).
/// </summary>
public sealed class ReplyCanceller(IConnectionMultiplexer redis, IOptions<ChatOptions> options)
{
    public async Task CancelAsync(Guid replyId)
    {
        await redis.GetDatabase().StringSetAsync(ReplyStreamProtocol.CancelKey(replyId), "1", options.Value.CancelKeyExpiry);
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(ReplyStreamProtocol.CancelChannel), replyId.ToString("D"));
    }
}
