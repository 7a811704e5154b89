using System.Diagnostics.Metrics;
using Chatbot.InferenceWorker.Admission;
using Chatbot.InferenceWorker.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class AdmissionMetricsTests
{
    [Fact]
    public async Task Slots_active_turns_per_tenant_and_waiting_turns_are_measured()
    {
        var meterFactory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var capacity = new WorkerCapacity(Concurrency: 2, TokensPerMinute: 0, Waiting: 10, TenantSlots: 1, Provider: "p");
        var totals = new Dictionary<(string Instrument, string Tag), int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == InferenceMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            var tag = tags.Length == 0 ? "" : $"{tags[0].Key}={tags[0].Value}";
            lock (totals) totals[(instrument.Name, tag)] = totals.GetValueOrDefault((instrument.Name, tag)) + value;
        });
        listener.Start();
        using var scheduler = new TurnScheduler(capacity, new AdmissionMetrics(meterFactory, capacity), TimeProvider.System);
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();

        using var first = await scheduler.EnterAsync(Guid.NewGuid(), a, 2, 0, default);
        var second = scheduler.EnterAsync(Guid.NewGuid(), a, 2, 0, default); // tenant a is at its one slot: waits
        using var other = await scheduler.EnterAsync(Guid.NewGuid(), b, 2, 0, default);
        listener.RecordObservableInstruments();

        Assert.Equal(2, totals[("chatbot.inference.slots", "")]);
        Assert.Equal(1, totals[("chatbot.inference.active", $"chatbot.tenant.id={a}")]);
        Assert.Equal(1, totals[("chatbot.inference.active", $"chatbot.tenant.id={b}")]);
        Assert.Equal(1, totals[("chatbot.inference.queued", "chatbot.tier.priority=2")]);
        Assert.False(second.IsCompleted);
    }
}
