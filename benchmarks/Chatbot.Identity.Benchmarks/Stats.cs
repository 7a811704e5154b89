using System.Diagnostics;

namespace Chatbot.Identity.Benchmarks;

internal readonly record struct Stats(double P50, double P95)
{
    public static Stats Time(int runs, Action action) => TimeAsync(runs, () => { action(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    public static async Task<Stats> TimeAsync(int runs, Func<Task> action)
    {
        await action();
        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return new Stats(samples[(int)(runs * 0.5)], samples[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.95) - 1)]);
    }
}
