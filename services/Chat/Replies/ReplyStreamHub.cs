using System.Collections.Concurrent;
using Chatbot.Contracts.Inference;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Chat.Replies;

/// <summary>
/// Reads every reply stream this instance's SSE clients wait on with ONE non-blocking XREAD per round (all keys at
/// once), instead of a blocking XREAD per client, which would stall the shared Redis multiplexer. A round with no new
/// entries waits <see cref="ChatOptions.StreamPollInterval"/>, or less: a worker publishes on
/// <see cref="ReplyStreamProtocol.ActivityChannel"/> when a stream gets its first entry, and that wakes the hub at once
/// (time to first token does not wait for a poll). A round with entries goes again at once. Redis load is one call per
/// interval per instance, whatever the number of streams.
/// </summary>
public sealed partial class ReplyStreamHub(IConnectionMultiplexer redis, IOptions<ChatOptions> options,
    ILogger<ReplyStreamHub> logger) : BackgroundService
{
    private const int EntriesPerStreamPerRound = 512;
    private const int StreamsPerCall = 1000;
    private readonly ConcurrentDictionary<ReplyStreamSubscription, byte> subscriptions = new();
    private readonly SemaphoreSlim subscribed = new(0, 1);
    private readonly SemaphoreSlim activity = new(0, 1);
    private static readonly RedisChannel ActivityChannel = RedisChannel.Literal(ReplyStreamProtocol.ActivityChannel);

    public ReplyStreamSubscription Subscribe(Guid replyId, StreamEntryId after)
    {
        var subscription = new ReplyStreamSubscription(this, ReplyStreamProtocol.StreamKey(replyId), after);
        subscriptions.TryAdd(subscription, 0);
        Wake(subscribed);
        return subscription;
    }

    private static void Wake(SemaphoreSlim signal)
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    internal void Remove(ReplyStreamSubscription subscription) => subscriptions.TryRemove(subscription, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ListenForActivityAsync();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (subscriptions.IsEmpty)
            {
                await subscribed.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
                continue;
            }
            var delivered = false;
            try
            {
                delivered = await PollOnceAsync();
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogPollFailed(ex);
                await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken);
            }
            if (!delivered)
            {
                await activity.WaitAsync(options.Value.StreamPollInterval, stoppingToken);
            }
        }
    }

    private async Task ListenForActivityAsync()
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(ActivityChannel, (_, _) =>
            {
                if (!subscriptions.IsEmpty)
                {
                    Wake(activity);
                }
            });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogPollFailed(ex); // polling alone still serves every stream, one interval later
        }
    }

    private async Task<bool> PollOnceAsync()
    {
        var delivered = false;
        var groups = subscriptions.Keys.GroupBy(s => s.StreamKey).ToList();
        foreach (var chunk in groups.Chunk(StreamsPerCall))
        {
            var positions = chunk.Select(g => new StreamPosition(g.Key, g.Min(s => s.Position).ToString())).ToArray();
            var streams = await redis.GetDatabase().StreamReadAsync(positions, EntriesPerStreamPerRound);
            var byKey = chunk.ToDictionary(g => g.Key);
            foreach (var stream in streams)
            {
                if (stream.Entries.Length == 0 || !byKey.TryGetValue(stream.Key.ToString(), out var readers))
                {
                    continue;
                }
                delivered = true;
                foreach (var entry in stream.Entries)
                {
                    if (ToEvent(entry) is not { } streamEvent)
                    {
                        continue;
                    }
                    foreach (var reader in readers)
                    {
                        reader.Deliver(streamEvent);
                    }
                }
            }
        }
        return delivered;
    }

    private static ReplyStreamEvent? ToEvent(StreamEntry entry) =>
        StreamEntryId.TryParse(entry.Id.ToString(), out var id)
            ? new ReplyStreamEvent(id, entry[ReplyStreamProtocol.TypeField].ToString(), entry[ReplyStreamProtocol.DataField].ToString())
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading reply streams from Redis failed; retrying")]
    private partial void LogPollFailed(Exception ex);
}
