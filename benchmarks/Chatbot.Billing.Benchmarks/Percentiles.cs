namespace Chatbot.Billing.Benchmarks;

/// <summary>Latency samples (µs) as p50/p95/p99 (nearest rank), plus what each call allocated.</summary>
internal static class Percentiles
{
    public static string Describe(List<double> microseconds, long allocatedBytes)
    {
        microseconds.Sort();
        double At(double p) => microseconds[Math.Clamp((int)Math.Ceiling(p * microseconds.Count) - 1, 0, microseconds.Count - 1)];
        return $"n={microseconds.Count} p50={At(0.50):0} µs p95={At(0.95):0} µs p99={At(0.99):0} µs max={microseconds[^1]:0} µs, " +
            $"{allocatedBytes / (double)microseconds.Count:0} B allocated per call";
    }
}
