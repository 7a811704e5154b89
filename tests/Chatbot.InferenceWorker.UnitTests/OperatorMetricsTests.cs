using System.Diagnostics.Metrics;
using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Providers;
using Chatbot.InferenceWorker.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Chatbot.InferenceWorker.UnitTests.ScriptedChatService;

namespace Chatbot.InferenceWorker.UnitTests;

/// <summary>The metrics deploy/monitoring alerts on: fallbacks, circuits open, spend and turn outcomes.</summary>
public sealed class OperatorMetricsTests
{
    private readonly IMeterFactory meterFactory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = [];

    [Fact]
    public async Task A_fallback_counts_the_provider_given_up_and_an_open_circuit_is_a_gauge_per_provider()
    {
        var metrics = new InferenceMetrics(meterFactory);
        using var listener = Listen();
        var settings = ChainFactory.FastResilience(s => { s.MaxRetries = 0; s.BreakerMinimumThroughput = 2; s.BreakerFailureRatio = 0.5; s.BreakerBreakSeconds = 30; });
        var failing = new ChatProvider(
            new() { Name = "primary", Type = Configuration.ProviderType.OpenAICompatible, Model = "primary-model", TimeoutSeconds = 5 },
            new ScriptedChatService(Fail(new ProviderException("HTTP 500", 500)), Fail(new ProviderException("HTTP 500", 500))),
            new ProviderPipelineFactory(NullLogger<ProviderPipelineFactory>.Instance, TimeProvider.System, metrics).Create("primary", settings));
        var fallback = ChainFactory.Provider("fallback", new ScriptedChatService(Reply("a"), Reply("b")));
        var chain = ChainFactory.Chain(metrics, failing, fallback);

        await chain.StreamAsync([new ChatTurn("user", "hi")], 10, new RecordingSink(), default);
        await chain.StreamAsync([new ChatTurn("user", "hi")], 10, new RecordingSink(), default);

        Assert.Equal(2, measurements.Count(m => m.Instrument == "chatbot.inference.fallbacks" && (string?)m.Tags["chatbot.provider.name"] == "primary"));
        var open = Assert.Single(measurements, m => m.Instrument == "chatbot.inference.circuits_open");
        Assert.Equal(1, open.Value);
        Assert.Equal("primary", open.Tags["chatbot.provider.name"]);
    }

    [Fact]
    public void Cost_is_recorded_per_tier_provider_and_model_and_turns_by_outcome()
    {
        var metrics = new InferenceMetrics(meterFactory);
        using var listener = Listen();

        metrics.RecordCost("pro", "openai", "gpt-x", 0.0125m);
        metrics.RecordCost("pro", "openai", "gpt-x", 0m);
        metrics.RecordTurn("ok");
        metrics.RecordTurn(ReplyFailureCodes.ProviderUnavailable);

        var cost = Assert.Single(measurements, m => m.Instrument == "chatbot.cost");
        Assert.Equal(0.0125, cost.Value, 6);
        Assert.Equal("pro", cost.Tags["tier"]);
        Assert.Equal("openai", cost.Tags["chatbot.provider.name"]);
        Assert.Equal("gpt-x", cost.Tags["gen_ai.request.model"]);
        Assert.Equal(["ok", "provider_unavailable"], measurements.Where(m => m.Instrument == "chatbot.turns").Select(m => (string?)m.Tags["outcome"]));
    }

    [Fact]
    public void A_turn_a_prompt_experiment_chose_is_tagged_with_its_experiment_and_variant_and_others_are_not()
    {
        var metrics = new InferenceMetrics(meterFactory);
        using var listener = Listen();
        var experiment = Guid.NewGuid();

        metrics.RecordTurn("ok", new ExperimentTags(experiment, "B"));
        metrics.RecordCost("pro", "openai", "gpt-x", 0.01m, new ExperimentTags(experiment, "B"));
        metrics.RecordTurn("ok");

        var tagged = measurements.Where(m => m.Tags.ContainsKey("experiment")).ToList();
        Assert.Equal(["chatbot.turns", "chatbot.cost"], tagged.Select(m => m.Instrument));
        Assert.All(tagged, m => Assert.Equal((experiment.ToString(), "B"), ((string?)m.Tags["experiment"], (string?)m.Tags["variant"])));
        Assert.Single(measurements, m => m.Instrument == "chatbot.turns" && !m.Tags.ContainsKey("variant"));
    }

    private MeterListener Listen()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == InferenceMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory)) l.EnableMeasurementEvents(instrument);
            },
        };
        void Record(Instrument i, double v, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (measurements) measurements.Add((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        }
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        return listener;
    }
}
