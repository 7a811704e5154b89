using System.Collections.Concurrent;
using Chatbot.Contracts.Tools;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>
/// Waits for a human's decision on a tool call without holding a thread (<see cref="ToolApprovalProtocol"/>): a task per
/// pending call, completed by the Redis channel chat publishes on after it set the decision key; the key is read once more
/// after subscribing, so a decision made before the wait began is not missed. No decision within the timeout denies: the
/// worker sets <c>deny</c> itself (SET NX), so a decision racing the timeout is either the one that counts or too late.
/// </summary>
public sealed class ToolApprovals(IConnectionMultiplexer redis)
{
    private static readonly RedisChannel Channel = RedisChannel.Literal(ToolApprovalProtocol.DecisionChannel);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiting = new();
    private readonly SemaphoreSlim subscribing = new(1, 1);
    private volatile bool subscribed;

    /// <summary>True when approved; false when denied or not decided within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitAsync(Guid replyId, string callId, string risk, string tool, TimeSpan timeout, CancellationToken ct)
    {
        await SubscribeAsync();
        var key = ToolApprovalProtocol.DecisionKey(replyId, callId);
        var signal = waiting.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var db = redis.GetDatabase();
        try
        {
            await db.StringSetAsync(ToolApprovalProtocol.PendingKey(replyId, callId), $"{risk}:{tool}", timeout + TimeSpan.FromMinutes(1));
            var decision = await db.StringGetAsync(key);
            if (!decision.HasValue)
            {
                try
                {
                    await signal.Task.WaitAsync(timeout, ct);
                }
                catch (TimeoutException)
                {
                    await db.StringSetAsync(key, ToolApprovalProtocol.Deny, TimeSpan.FromHours(1), When.NotExists);
                }
                decision = await db.StringGetAsync(key);
            }
            return decision == ToolApprovalProtocol.Approve;
        }
        finally
        {
            waiting.TryRemove(key, out _);
            await db.KeyDeleteAsync(ToolApprovalProtocol.PendingKey(replyId, callId));
        }
    }

    private async Task SubscribeAsync()
    {
        if (subscribed) return;
        await subscribing.WaitAsync();
        try
        {
            if (subscribed) return;
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, value) =>
            {
                if (waiting.TryGetValue(value.ToString(), out var signal)) signal.TrySetResult();
            });
            subscribed = true;
        }
        finally
        {
            subscribing.Release();
        }
    }
}
