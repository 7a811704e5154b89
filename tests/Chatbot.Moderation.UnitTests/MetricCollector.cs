using System.Diagnostics.Metrics;

namespace Chatbot.Moderation.UnitTests;

/// <summary>A meter factory whose meters are private to one test, and a listener summing their counters.</summary>
public sealed class MetricCollector : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly Dictionary<string, long> sums = [];
    private readonly List<Meter> meters = [];

    public MetricCollector()
    {
        Factory = new TestMeterFactory(meters);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (meters.Contains(instrument.Meter)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (sums) sums[instrument.Name] = sums.GetValueOrDefault(instrument.Name) + value;
        });
        listener.Start();
    }

    public IMeterFactory Factory { get; }

    public long Sum(string name)
    {
        lock (sums) return sums.GetValueOrDefault(name);
    }

    public void Dispose()
    {
        listener.Dispose();
        meters.ForEach(m => m.Dispose());
    }

    private sealed class TestMeterFactory(List<Meter> meters) : IMeterFactory
    {
        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version);
            meters.Add(meter);
            return meter;
        }

        public void Dispose() { }
    }
}
