using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Streaming;
using Chatbot.InferenceWorker.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Admission;

/// <summary>
/// Tells every waiting turn its place: a <c>queued</c> entry <c>{position, estimatedWaitMs}</c> in the reply's stream
/// when it starts waiting and whenever its position changes, at most once per <c>Inference:Queue:UpdateIntervalMilliseconds</c>
/// (the writes of one round are pipelined). A turn's first <c>queued</c> entry sets the stream's expiry and wakes chat
/// like a first token does. Logs the worker's capacity at start.
/// </summary>
public sealed class QueuePositionReporter(TurnScheduler scheduler, WorkerCapacity capacity, IConnectionMultiplexer redis,
    IOptions<InferenceOptions> options, TimeProvider timeProvider, ILogger<QueuePositionReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogCapacity();
        var interval = TimeSpan.FromMilliseconds(options.Value.Queue.UpdateIntervalMilliseconds);
        var writes = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            await scheduler.Changed.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
            var db = redis.GetDatabase();
            scheduler.ReportChanges(queued => writes.Add(StreamEntries.AppendAsync(db, ReplyStreamProtocol.StreamKey(queued.ReplyId),
                ReplyStreamProtocol.Queued, ReplyStreamJson.Serialize(new QueuedEvent(queued.Position, queued.EstimatedWaitMs)), options.Value, queued.First)));
            try
            {
                await Task.WhenAll(writes);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                InferenceLog.QueuedEventsFailed(logger, ex);
            }
            writes.Clear();
            await Task.Delay(interval, timeProvider, stoppingToken);
        }
    }

    private void LogCapacity()
    {
        InferenceLog.CapacityConfigured(logger, capacity.Provider, capacity.Concurrency, capacity.TokensPerMinute, capacity.Waiting,
            capacity.Deliveries, capacity.TenantSlots);
        foreach (var fallback in options.Value.Providers.Skip(1).Where(p => p.EffectiveMaxConcurrentRequests < capacity.Concurrency))
        {
            InferenceLog.FallbackSmallerThanPrimary(logger, fallback.DisplayName, fallback.EffectiveMaxConcurrentRequests, capacity.Concurrency);
        }
    }
}
