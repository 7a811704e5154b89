using System.Diagnostics;

namespace Chatbot.Billing.Benchmarks;

/// <summary>Runs an operation a bounded number of times after a warm-up and describes its latency and allocations.</summary>
internal static class Measure
{
    /// <summary><paramref name="concurrency"/> callers in parallel, each timing its own calls (so queueing shows in the tail).</summary>
    public static async Task<string> RunAsync(int iterations, int concurrency, Func<Task> operation)
    {
        for (var i = 0; i < 200; i++)
        {
            await operation();
        }
        var samples = new List<double>(iterations);
        var perCaller = Math.Max(1, iterations / concurrency);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>(perCaller);
            for (var i = 0; i < perCaller; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await operation();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
            lock (samples)
            {
                samples.AddRange(mine);
            }
        })));
        // Includes the measuring itself (timestamps, the sample lists): a small constant per call.
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return Percentiles.Describe(samples, allocated);
    }
}
