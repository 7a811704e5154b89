using System.Collections.Concurrent;
using Chatbot.Contracts.Inference;
using Chatbot.ServiceDefaults.Threading;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Chat.Replies;

/// <summary>
/// Reads every reply stream this instance's SSE clients wait on with ONE non-blocking XREAD per round (all keys at
/// once), instead of a blocking XREAD per client, which would stall the shared Redis multiplexer. Rounds are
/// <see cref="ChatOptions.StreamPollInterval"/> apart, busy or not, so Redis load is at most one call per interval per
/// instance whatever the number of streams, and each round hands every client all its new entries at once. A worker
/// publishes on <see cref="ReplyStreamProtocol.ActivityChannel"/> when a stream gets its first entry, and a new
/// subscriber arrives with entries to catch up on: both wake the hub at once, so time to first token never waits for
/// the interval; when the wake-up carries a new stream's first entry, it goes to that stream's clients straight away,
/// without waiting for the round's XREAD. Only a round that hit the per-stream entry cap goes again at once.
/// </summary>
public sealed partial class ReplyStreamHub(IConnectionMultiplexer redis, IOptions<ChatOptions> options,
    ILogger<ReplyStreamHub> logger) : BackgroundService
{
    private const int EntriesPerStreamPerRound = 512;
    private const int StreamsPerCall = 1000;
    private readonly ConcurrentDictionary<ReplyStreamSubscription, byte> subscriptions = new();
    private readonly WakeSignal subscribed = new();
    private readonly WakeSignal activity = new();
    private static readonly RedisChannel ActivityChannel = RedisChannel.Literal(ReplyStreamProtocol.ActivityChannel);

    public ReplyStreamSubscription Subscribe(Guid replyId, StreamEntryId after)
    {
        var subscription = new ReplyStreamSubscription(this, ReplyStreamProtocol.StreamKey(replyId), after);
        subscriptions.TryAdd(subscription, 0);
        subscribed.Notify();
        activity.Notify();
        return subscription;
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
            var backlogged = false;
            try
            {
                backlogged = await PollOnceAsync();
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogPollFailed(ex);
                await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken);
            }
            if (!backlogged)
            {
                await activity.WaitAsync(options.Value.StreamPollInterval, stoppingToken);
            }
        }
    }

    private async Task ListenForActivityAsync()
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(ActivityChannel, (_, message) =>
            {
                if (!subscriptions.IsEmpty)
                {
                    DeliverFirstEntry(message.ToString());
                    activity.Notify();
                }
            });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogPollFailed(ex); // polling alone still serves every stream, one interval later
        }
    }

    /// <summary>A wake-up that carries a stream's first entry: its clients get it now (the next round skips it by id).</summary>
    private void DeliverFirstEntry(string message)
    {
        var parts = message.Split(ReplyStreamProtocol.ActivitySeparator, 4);
        if (parts.Length != 4 || !StreamEntryId.TryParse(parts[1], out var id))
        {
            return;
        }
        var first = new ReplyStreamEvent(id, parts[2], parts[3]);
        foreach (var subscription in subscriptions.Keys)
        {
            if (subscription.StreamKey == parts[0])
            {
                subscription.Deliver(first);
            }
        }
    }

    /// <summary>One round; true when some stream had more entries than one round takes.</summary>
    private async Task<bool> PollOnceAsync()
    {
        var backlogged = false;
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
                backlogged |= stream.Entries.Length >= EntriesPerStreamPerRound;
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
        return backlogged;
    }

    internal static ReplyStreamEvent? ToEvent(StreamEntry entry) =>
        StreamEntryId.TryParse(entry.Id.ToString(), out var id)
            ? new ReplyStreamEvent(id, entry[ReplyStreamProtocol.TypeField].ToString(), entry[ReplyStreamProtocol.DataField].ToString())
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading reply streams from Redis failed; retrying")]
    private partial void LogPollFailed(Exception ex);
}
