using System.Diagnostics.Metrics;

namespace Chatbot.Chat.IntegrationTests.Infrastructure;

/// <summary>Sums what one counter records while it lives, optionally only measurements with a given tag value.</summary>
public sealed class CounterListener : IDisposable
{
    private readonly MeterListener listener = new();
    private long count;

    public CounterListener(string meterName, string instrumentName, string? tag = null, string? tagValue = null)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Name == instrumentName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (tag is null || HasTag(tags, tag, tagValue))
            {
                Interlocked.Add(ref count, value);
            }
        });
        listener.Start();
    }

    public long Count => Interlocked.Read(ref count);

    private static bool HasTag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string tag, string? value)
    {
        foreach (var pair in tags)
        {
            if (pair.Key == tag && Equals(pair.Value, value))
            {
                return true;
            }
        }
        return false;
    }

    public void Dispose() => listener.Dispose();
}
