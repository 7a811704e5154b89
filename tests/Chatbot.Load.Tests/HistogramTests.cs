using Chatbot.Load.Metrics;

namespace Chatbot.Load.Tests;

public class HistogramTests
{
    [Fact]
    public void Percentiles_of_a_uniform_spread_are_within_one_percent()
    {
        var histogram = new Histogram();
        for (var us = 1; us <= 100_000; us++)
        {
            histogram.Record(us);
        }

        Assert.Equal(100_000, histogram.Count);
        Assert.InRange(histogram.Percentile(50), 50 * 0.99, 50 * 1.01);
        Assert.InRange(histogram.Percentile(95), 95 * 0.99, 95 * 1.01);
        Assert.InRange(histogram.Percentile(99), 99 * 0.99, 99 * 1.01);
        Assert.Equal(100, histogram.MaxMilliseconds);
        Assert.InRange(histogram.MeanMilliseconds, 49.9, 50.1);
    }

    [Fact]
    public void Every_value_falls_in_a_bucket_whose_midpoint_is_within_one_percent()
    {
        foreach (var value in new long[] { 0, 1, 255, 256, 257, 1_000, 12_345, 999_999, 3_600_000_000, long.MaxValue / 2 })
        {
            var midpoint = Histogram.Midpoint(Histogram.IndexOf(value));
            Assert.InRange(midpoint, value * 0.99 - 1, value * 1.01 + 1);
        }
    }

    [Fact]
    public void A_histogram_shipped_as_sparse_buckets_merges_to_the_same_percentiles()
    {
        var source = new Histogram();
        foreach (var ms in new[] { 1.0, 2, 3, 50, 400, 400, 7_000 })
        {
            source.RecordMilliseconds(ms);
        }

        var merged = new Histogram();
        merged.Merge(source.ToSparse(), source.MaxMilliseconds);
        merged.Merge(source.ToSparse(), source.MaxMilliseconds);

        Assert.Equal(14, merged.Count);
        Assert.Equal(source.Percentile(50), merged.Percentile(50));
        Assert.Equal(source.Percentile(99), merged.Percentile(99));
        Assert.Equal(7_000, merged.MaxMilliseconds);
    }

    [Fact]
    public void An_empty_histogram_reports_nothing_rather_than_zero()
    {
        Assert.True(double.IsNaN(new Histogram().Percentile(95)));
    }
}
