using System.Collections.Concurrent;
using Chatbot.Contracts.Inference;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>Every ReplyStarted, ReplyGenerated, ReplyFailed, UsageRecorded and ToolCallAudited the test bus received, by reply id.</summary>
public sealed class MessageRecorder
{
    private readonly ConcurrentQueue<object> _messages = new();

    public void Add(object message) => _messages.Enqueue(message);

    public IReadOnlyList<T> All<T>(Guid replyId) where T : class =>
        [.. _messages.OfType<T>().Where(m => ReplyId(m) == replyId)];

    public async Task<T> WaitForAsync<T>(Guid replyId, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (All<T>(replyId) is [var first, ..]) return first;
            await Task.Delay(25);
        }
        throw new TimeoutException($"No {typeof(T).Name} for reply {replyId}.");
    }

    private static Guid ReplyId(object m) => m switch
    {
        ReplyGenerated g => g.ReplyId,
        ReplyFailed f => f.ReplyId,
        UsageRecorded u => u.ReplyId,
        ReplyStarted s => s.ReplyId,
        Chatbot.Contracts.Tools.ToolCallAudited t => t.ReplyId,
        _ => Guid.Empty,
    };
}
