using System.Collections.Concurrent;
using System.Reflection;
using Chatbot.Contracts.Inference;
using MassTransit;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>
/// An <see cref="IPublishEndpoint"/> in place of the broker that notes, for every message published, whether the reply's
/// Redis stream had already ended with <c>error</c> at that moment; it can fail the publish of one message type (a
/// broker outage or a crash at that point).
/// </summary>
public class StreamAwarePublisher : DispatchProxy
{
    private IDatabase redis = null!;
    private Guid replyId;
    private Type? failOn;

    public ConcurrentQueue<(object Message, bool StreamEnded)> Published { get; } = new();

    public static (IPublishEndpoint Endpoint, StreamAwarePublisher Recorder) Create(IConnectionMultiplexer redis, Guid replyId, Type? failOn = null)
    {
        var endpoint = Create<IPublishEndpoint, StreamAwarePublisher>();
        var recorder = (StreamAwarePublisher)(object)endpoint;
        recorder.redis = redis.GetDatabase();
        recorder.replyId = replyId;
        recorder.failOn = failOn;
        return (endpoint, recorder);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod?.Name != nameof(IPublishEndpoint.Publish) || args is not [{ } message, ..])
        {
            throw new NotSupportedException(targetMethod?.Name);
        }
        var ended = redis.StreamRange(ReplyStreamProtocol.StreamKey(replyId))
            .Any(e => e[ReplyStreamProtocol.TypeField] == ReplyStreamProtocol.Error);
        Published.Enqueue((message, ended));
        return message.GetType() == failOn
            ? Task.FromException(new InvalidOperationException($"Publishing {failOn.Name} failed (test)."))
            : Task.CompletedTask;
    }
}
