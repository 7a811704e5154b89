using System.Diagnostics.Metrics;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>Sums <c>chatbot.moderation.bypasses</c> measurements of one stage (and fail mode) while it lives.</summary>
public sealed class BypassCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private long count;

    public BypassCounter(string stage, string failMode)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "chatbot.moderation.bypasses") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? measuredStage = null, measuredMode = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "stage") measuredStage = tag.Value as string;
                if (tag.Key == "fail_mode") measuredMode = tag.Value as string;
            }
            if (measuredStage == stage && measuredMode == failMode) Interlocked.Add(ref count, value);
        });
        listener.Start();
    }

    public long Count => Interlocked.Read(ref count);

    public void Dispose() => listener.Dispose();
}
