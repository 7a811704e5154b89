using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Streaming;
using MassTransit;

namespace Chatbot.InferenceWorker.Generation;

/// <summary>The outcome of a finished reply: <see cref="ReplyGenerated"/> for chat, then <see cref="UsageRecorded"/> for billing.</summary>
public static class ReplyOutcomes
{
    public static async Task PublishGeneratedAsync(IPublishEndpoint publisher, DateTimeOffset now, GenerateReply r, string content,
        DoneEvent done, TimeSpan latency, TimeSpan ttft, CancellationToken ct)
    {
        await publisher.Publish(new ReplyGenerated(r.CorrelationId, now, r.ReplyId, r.TenantId, r.UserId, r.ConversationId, content,
            done.Provider, done.Model, done.PromptVersion, done.InputTokens, done.OutputTokens, done.Cost,
            (long)latency.TotalMilliseconds, (long)ttft.TotalMilliseconds, done.PromptRef ?? r.PromptRef), ct);
        await publisher.Publish(new UsageRecorded(r.CorrelationId, now, r.ReplyId, r.TenantId, r.UserId, r.ConversationId,
            done.Provider, done.Model, done.PromptVersion, done.InputTokens, done.OutputTokens, done.Cost, done.PromptRef ?? r.PromptRef,
            done.Cached), ct);
    }
}
