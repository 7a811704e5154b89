namespace Chatbot.Billing.Benchmarks;

internal static class Percentiles
{
    public static string Describe(List<double> microseconds)
    {
        microseconds.Sort();
        double At(double p) => microseconds[Math.Min(microseconds.Count - 1, (int)Math.Ceiling(p * microseconds.Count) - 1)];
        return $"n={microseconds.Count} p50={At(0.50):0} µs p90={At(0.90):0} µs p99={At(0.99):0} µs max={microseconds[^1]:0} µs";
    }
}
