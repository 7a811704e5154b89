using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Generation;

/// <summary>
/// Waits for a key another service writes alongside its publish (output context, commit mark): read at once, then after
/// steps that start at 1 ms and double up to 50 ms, so a value a few milliseconds late costs a few milliseconds.
/// </summary>
public static class RedisKeyPoll
{
    private static readonly TimeSpan FirstStep = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan LongestStep = TimeSpan.FromMilliseconds(50);

    /// <summary>The key's value, or <see cref="RedisValue.Null"/> when it was not set within <paramref name="budget"/>.</summary>
    public static async Task<RedisValue> WaitForValueAsync(IDatabase db, RedisKey key, TimeSpan budget, TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        for (var step = FirstStep; ; step = step * 2 < LongestStep ? step * 2 : LongestStep)
        {
            var value = await db.StringGetAsync(key);
            var left = budget - time.GetElapsedTime(started);
            if (value.HasValue || left <= TimeSpan.Zero) return value;
            await Task.Delay(step < left ? step : left, time, cancellationToken);
        }
    }
}
