using System.Diagnostics.Metrics;
using Chatbot.InferenceWorker.Admission;

namespace Chatbot.InferenceWorker.Telemetry;

/// <summary>
/// The worker's provider slots: <c>chatbot.inference.slots</c> (the limit taken from the provider settings),
/// <c>chatbot.inference.active</c> per tenant (tenant ids are few enough per worker to be an attribute) and
/// <c>chatbot.inference.queued</c> per tier priority.
/// </summary>
public sealed class AdmissionMetrics
{
    private readonly UpDownCounter<int> _active;
    private readonly UpDownCounter<int> _queued;

    public AdmissionMetrics(IMeterFactory meterFactory, WorkerCapacity capacity)
    {
        var meter = meterFactory.Create(InferenceMetrics.MeterName);
        meter.CreateObservableGauge("chatbot.inference.slots", () => capacity.Concurrency, "{turn}",
            "Turns one worker runs at once: its first provider's MaxConcurrentRequests.");
        _active = meter.CreateUpDownCounter<int>("chatbot.inference.active", "{turn}", "Turns holding a provider slot, per tenant.");
        _queued = meter.CreateUpDownCounter<int>("chatbot.inference.queued", "{turn}", "Turns waiting for a provider slot, per tier priority.");
    }

    public void Active(Guid tenantId, int delta) => _active.Add(delta, new KeyValuePair<string, object?>("chatbot.tenant.id", tenantId.ToString()));

    public void Queued(byte priority, int delta) => _queued.Add(delta, new KeyValuePair<string, object?>("chatbot.tier.priority", (int)priority));
}
