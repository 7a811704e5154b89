namespace Chatbot.Moderation.Benchmarks;

public static class Percentiles
{
    public static string Summary(List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double p) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(p * milliseconds.Count) - 1)];
        return $"p50 {At(0.50):F3} ms, p95 {At(0.95):F3} ms, p99 {At(0.99):F3} ms, max {milliseconds[^1]:F3} ms";
    }
}
