using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Generation;
using Chatbot.InferenceWorker.Streaming;
using Chatbot.InferenceWorker.Telemetry;
using MassTransit;

namespace Chatbot.InferenceWorker.Caching;

/// <summary>
/// Answers a cacheable request (<see cref="GenerateReply.CacheKey"/>) from the <see cref="ResponseCache"/> before it waits
/// for a provider slot: the cache entry, the reply's stream and its cancel flag are read in one pipelined round trip; on a
/// hit into a fresh stream the whole reply is written as one token entry followed by <c>done</c> (marked <c>cached</c>),
/// and the outcome and the usage (<see cref="UsageRecorded.Cached"/>) are published. A stream that already has entries
/// (a redelivery) or a cancelled reply is left to <see cref="ReplyGenerator"/>, which knows those cases.
/// </summary>
public sealed class CachedReplyResponder(ResponseCache cache, ReplyStreams streams, IPublishEndpoint publisher,
    InferenceMetrics metrics, TimeProvider timeProvider, ILogger<CachedReplyResponder> logger)
{
    /// <summary>True when the reply was answered from the cache; false: generate it (a miss, or not cacheable).</summary>
    public async Task<bool> TryAnswerAsync(GenerateReply request, CancellationToken ct)
    {
        // Only moderation sets a key, after the turn committed; a request sent before its commit waits for its mark in the generator.
        if (request.CacheKey is null || request.AwaitCommit) return false;
        var started = timeProvider.GetTimestamp();
        var entryRead = cache.ReadAsync(request);
        var snapshotRead = streams.ReadAsync(request.ReplyId);
        var cancelRead = streams.IsCancelRequestedAsync(request.ReplyId);
        var entry = await entryRead;
        var snapshot = await snapshotRead;
        var cancelled = await cancelRead;
        if (entry is null)
        {
            metrics.RecordCacheMiss(request.Tier);
            return false;
        }
        if (snapshot.HasEntries || cancelled) return false;

        var writer = streams.OpenWriter(request.ReplyId);
        await writer.TokenAsync(entry.Content, ct);
        var done = new DoneEvent(entry.InputTokens, entry.OutputTokens, entry.Cost, entry.Model, entry.Provider, request.PromptVersion,
            PromptRef: request.PromptRef, Cached: true);
        await writer.DoneAsync(done);
        metrics.RecordCacheHit(request.Tier, entry.Model, entry.Cost);
        metrics.RecordTurn("ok");
        InferenceLog.ReplyFromCache(logger, request.ReplyId, entry.Provider, entry.Model, entry.OutputTokens);
        var latency = timeProvider.GetElapsedTime(started);
        await ReplyOutcomes.PublishGeneratedAsync(publisher, timeProvider.GetUtcNow(), request, entry.Content, done, latency, latency, ct);
        return true;
    }
}
