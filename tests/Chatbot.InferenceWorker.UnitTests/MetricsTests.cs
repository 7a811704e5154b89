using System.Diagnostics.Metrics;
using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class MetricsTests
{
    [Fact]
    public async Task A_provider_call_records_GenAI_operation_duration_and_a_reply_records_token_usage_by_type()
    {
        var meterFactory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var metrics = new InferenceMetrics(meterFactory);
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == InferenceMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory)) l.EnableMeasurementEvents(instrument);
        };
        void Record(Instrument i, double v, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (measurements) measurements.Add((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        }
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        var provider = ChainFactory.Provider("primary", new ScriptedChatService(ScriptedChatService.Reply("a", "b")));
        var chain = ChainFactory.Chain(metrics, provider);
        var reply = await chain.StreamAsync([new ChatTurn("user", "secret prompt")], 10, new RecordingSink(), default);
        metrics.RecordReply(provider, reply.Model, 12, 2, reply.TimeToFirstToken);

        var duration = Assert.Single(measurements, m => m.Instrument == "gen_ai.client.operation.duration");
        Assert.Equal("chat", duration.Tags["gen_ai.operation.name"]);
        Assert.Equal("primary-model", duration.Tags["gen_ai.request.model"]);
        Assert.Contains(measurements, m => m.Instrument == "gen_ai.client.token.usage" && (string?)m.Tags["gen_ai.token.type"] == "input" && m.Value == 12);
        Assert.Contains(measurements, m => m.Instrument == "gen_ai.client.token.usage" && (string?)m.Tags["gen_ai.token.type"] == "output" && m.Value == 2);
        Assert.Contains(measurements, m => m.Instrument == "gen_ai.client.operation.time_to_first_chunk");
        Assert.DoesNotContain(measurements, m => m.Tags.Values.Any(v => v is string s && s.Contains("secret")));
    }
}
