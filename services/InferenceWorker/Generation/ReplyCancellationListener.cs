using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Telemetry;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Generation;

/// <summary>Listens on the Redis cancel channel (payload: reply id) and trips the matching reply on this instance.</summary>
public sealed class ReplyCancellationListener(IConnectionMultiplexer redis, ReplyCancellations cancellations, ILogger<ReplyCancellationListener> logger)
    : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal(ReplyStreamProtocol.CancelChannel);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await redis.GetSubscriber().SubscribeAsync(Channel, (_, value) =>
        {
            // Cancellation callbacks (closing provider streams) run off the Redis message thread.
            if (Guid.TryParse(value.ToString(), out var replyId)) ThreadPool.QueueUserWorkItem(_ => cancellations.Cancel(replyId));
            else InferenceLog.MalformedCancellation(logger);
        });
        InferenceLog.ListeningForCancellations(logger, ReplyStreamProtocol.CancelChannel);
    }

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(Channel);
}
