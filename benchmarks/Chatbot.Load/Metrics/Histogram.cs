using System.Numerics;

namespace Chatbot.Load.Metrics;

/// <summary>
/// A fixed-size, lock-free latency histogram in microseconds (HdrHistogram's log-linear layout): exact below 256 µs,
/// then 128 linear sub-buckets per power of two, so any recorded value is reported within 0.8 %. Memory does not grow
/// with the number of samples, so 1,000 users × minutes cost the same ~70 KB per step as one request.
/// </summary>
public sealed class Histogram
{
    private const int SubBuckets = 128;
    private const int Linear = 2 * SubBuckets;
    private readonly long[] _counts = new long[Linear + (64 - 8) * SubBuckets];
    private long _count;
    private long _sum;
    private long _max;

    public long Count => Interlocked.Read(ref _count);

    public double MaxMilliseconds => Interlocked.Read(ref _max) / 1000.0;

    public double MeanMilliseconds => Count == 0 ? double.NaN : Interlocked.Read(ref _sum) / 1000.0 / Count;

    public void RecordMilliseconds(double milliseconds) => Record((long)Math.Round(Math.Max(0, milliseconds) * 1000));

    public void Record(long microseconds) => Add(Math.Max(0, microseconds), 1);

    /// <summary>Nearest-rank percentile (0–100) in milliseconds, the midpoint of the bucket holding that rank; NaN when empty.</summary>
    public double Percentile(double p)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }
        var rank = Math.Clamp((long)Math.Ceiling(p / 100 * total), 1, total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(Midpoint(i), Interlocked.Read(ref _max)) / 1000.0;
            }
        }
        return MaxMilliseconds;
    }

    /// <summary>The non-empty buckets as (index, count), to ship a histogram between processes.</summary>
    public IReadOnlyList<long[]> ToSparse()
    {
        var buckets = new List<long[]>();
        for (var i = 0; i < _counts.Length; i++)
        {
            if (Interlocked.Read(ref _counts[i]) is var c and > 0)
            {
                buckets.Add([i, c]);
            }
        }
        return buckets;
    }

    /// <summary>Adds buckets produced by <see cref="ToSparse"/> in another process (with that process's max).</summary>
    public void Merge(IEnumerable<long[]> sparse, double maxMilliseconds)
    {
        foreach (var bucket in sparse)
        {
            var index = (int)bucket[0];
            Interlocked.Add(ref _counts[index], bucket[1]);
            Interlocked.Add(ref _count, bucket[1]);
            Interlocked.Add(ref _sum, Midpoint(index) * bucket[1]);
        }
        UpdateMax((long)Math.Round(maxMilliseconds * 1000));
    }

    internal static int IndexOf(long value)
    {
        if (value < Linear)
        {
            return (int)value;
        }
        var shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - 7; // value >> shift is in [128, 255]
        return Linear + (shift - 1) * SubBuckets + (int)(value >> shift) - SubBuckets;
    }

    internal static long Midpoint(int index)
    {
        if (index < Linear)
        {
            return index;
        }
        var shift = (index - Linear) / SubBuckets + 1;
        var lower = (long)((index - Linear) % SubBuckets + SubBuckets) << shift;
        return lower + ((1L << shift) - 1) / 2;
    }

    private void Add(long microseconds, long count)
    {
        Interlocked.Add(ref _counts[IndexOf(microseconds)], count);
        Interlocked.Add(ref _count, count);
        Interlocked.Add(ref _sum, microseconds * count);
        UpdateMax(microseconds);
    }

    private void UpdateMax(long value)
    {
        var current = Interlocked.Read(ref _max);
        while (value > current && Interlocked.CompareExchange(ref _max, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
