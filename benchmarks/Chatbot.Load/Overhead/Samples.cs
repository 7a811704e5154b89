namespace Chatbot.Load.Overhead;

/// <summary>Latency samples in milliseconds and their percentiles (nearest rank).</summary>
public sealed class Samples
{
    private readonly List<double> samples = [];

    public int Count { get { lock (samples) return samples.Count; } }

    public void Add(double milliseconds)
    {
        lock (samples)
        {
            samples.Add(milliseconds);
        }
    }

    public double Percentile(double p)
    {
        lock (samples)
        {
            if (samples.Count == 0)
            {
                return double.NaN;
            }
            var sorted = samples.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
        }
    }
}
