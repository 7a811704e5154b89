namespace Chatbot.Search.Benchmarks;

/// <summary>Request latencies (ms) as p50/p95/p99 (nearest rank) and max.</summary>
internal static class Latency
{
    public static string Describe(List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return $"n={sorted.Count} p50={At(0.50):0.0} ms p95={At(0.95):0.0} ms p99={At(0.99):0.0} ms max={sorted[^1]:0.0} ms";
    }
}
