using System.Diagnostics.Metrics;
using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Providers;

namespace Chatbot.InferenceWorker.Telemetry;

/// <summary>
/// GenAI semantic-convention metrics of the provider calls (client side), and the operator's: spend
/// (<c>chatbot.cost</c>, USD by tier, provider and model), turn outcomes (<c>chatbot.turns</c>), fallbacks from one
/// provider to the next and circuits open. Tags hold names and codes only; deploy/monitoring alerts on them.
/// </summary>
public sealed class InferenceMetrics
{
    public const string MeterName = "Chatbot.InferenceWorker";

    private static readonly double[] TokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576];
    private static readonly double[] SecondBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    private readonly Histogram<int> _tokenUsage;
    private readonly Histogram<double> _operationDuration;
    private readonly Histogram<double> _timeToFirstToken;
    private readonly Counter<double> _cost;
    private readonly Counter<long> _turns;
    private readonly Counter<long> _fallbacks;
    private readonly UpDownCounter<int> _circuitsOpen;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<double> _cacheSaved;

    public InferenceMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _tokenUsage = meter.CreateHistogram("gen_ai.client.token.usage", "{token}", "Number of input and output tokens used.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [.. TokenBuckets.Select(b => (int)b)] });
        _operationDuration = meter.CreateHistogram("gen_ai.client.operation.duration", "s", "GenAI operation duration.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondBuckets });
        _timeToFirstToken = meter.CreateHistogram("gen_ai.client.operation.time_to_first_chunk", "s", "Time from the request to the first streamed token.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondBuckets });
        _cost = meter.CreateCounter<double>("chatbot.cost", "{USD}", "Provider spend in US dollars, by tenant tier, provider and model.");
        _turns = meter.CreateCounter<long>("chatbot.turns", "{turn}", "Replies ended by the worker, by outcome (ok or the failure code).");
        _fallbacks = meter.CreateCounter<long>("chatbot.inference.fallbacks", "{fallback}", "Provider calls given up in favour of the next provider of the chain.");
        _cacheHits = meter.CreateCounter<long>("chatbot.cache.hits", "{reply}", "Turns answered from the response cache, by tenant tier and model.");
        _cacheMisses = meter.CreateCounter<long>("chatbot.cache.misses", "{reply}", "Cacheable turns the response cache did not hold, by tenant tier.");
        _cacheSaved = meter.CreateCounter<double>("chatbot.cache.saved_cost", "{USD}", "Provider spend a response cache hit avoided (the repeated reply's cost), by tenant tier and model.");
        _circuitsOpen = meter.CreateUpDownCounter<int>("chatbot.inference.circuits_open", "{circuit}", "Provider circuit breakers currently open, per provider.");
    }

    /// <summary>Tenant tiers as they appear in the <c>tier</c> tag (billing's plans).</summary>
    public static readonly IReadOnlyList<string> Tiers = ["free", "pro", "enterprise"];

    /// <summary>Every closed outcome of <see cref="RecordTurn"/>.</summary>
    public static readonly IReadOnlyList<string> TurnOutcomes =
    [
        "ok", ReplyFailureCodes.Cancelled, ReplyFailureCodes.ProviderUnavailable, ReplyFailureCodes.ModerationUnavailable,
        Chatbot.Contracts.Moderation.ModerationProtocol.BlockedCode,
    ];

    /// <summary>
    /// The Prometheus way: every series of a closed label set exported at 0 from start-up, so a rate or an alert on a
    /// turn outcome, a fallback, an open circuit or the cache reads 0 before the first such event instead of nothing.
    /// </summary>
    public void ExportZeros(IReadOnlyList<ChatProvider> providers)
    {
        foreach (var outcome in TurnOutcomes)
        {
            _turns.Add(0, new KeyValuePair<string, object?>("outcome", outcome));
        }
        foreach (var provider in providers)
        {
            _fallbacks.Add(0, new KeyValuePair<string, object?>("chatbot.provider.name", provider.Name));
            _circuitsOpen.Add(0, new KeyValuePair<string, object?>("chatbot.provider.name", provider.Name));
        }
        foreach (var tier in Tiers)
        {
            _cacheMisses.Add(0, new KeyValuePair<string, object?>("tier", tier));
            foreach (var model in providers.Select(p => p.Model).Distinct(StringComparer.Ordinal))
            {
                var tags = new System.Diagnostics.TagList { { "tier", tier }, { "gen_ai.request.model", model } };
                _cacheHits.Add(0, tags);
                _cacheSaved.Add(0, tags);
            }
        }
    }

    /// <summary>What one reply (or the part of it that streamed) cost; tier is the tenant's tier name, never an id.</summary>
    public void RecordCost(string tier, string provider, string model, decimal costUsd, ExperimentTags experiment = default)
    {
        if (costUsd <= 0m) return;
        var tags = new System.Diagnostics.TagList
        {
            { "tier", tier }, { "chatbot.provider.name", provider }, { "gen_ai.request.model", model },
        };
        experiment.AddTo(ref tags);
        _cost.Add((double)costUsd, tags);
    }

    /// <summary>A reply ended: <c>ok</c> or a <see cref="Chatbot.Contracts.Inference.ReplyFailureCodes"/> value.</summary>
    public void RecordTurn(string outcome, ExperimentTags experiment = default)
    {
        var tags = new System.Diagnostics.TagList { { "outcome", outcome } };
        experiment.AddTo(ref tags);
        _turns.Add(1, tags);
    }

    /// <summary>A cacheable turn answered from the response cache; <paramref name="savedUsd"/> is what its provider call cost.</summary>
    public void RecordCacheHit(string tier, string model, decimal savedUsd)
    {
        var tags = new System.Diagnostics.TagList { { "tier", tier }, { "gen_ai.request.model", model } };
        _cacheHits.Add(1, tags);
        if (savedUsd > 0m) _cacheSaved.Add((double)savedUsd, tags);
    }

    /// <summary>A cacheable turn the response cache did not hold: it goes to the provider and its reply is stored.</summary>
    public void RecordCacheMiss(string tier) => _cacheMisses.Add(1, new KeyValuePair<string, object?>("tier", tier));

    public void RecordFallback(ChatProvider from) =>
        _fallbacks.Add(1, new KeyValuePair<string, object?>("chatbot.provider.name", from.Name));

    public void CircuitOpened(string provider) => _circuitsOpen.Add(1, new KeyValuePair<string, object?>("chatbot.provider.name", provider));

    public void CircuitClosed(string provider) => _circuitsOpen.Add(-1, new KeyValuePair<string, object?>("chatbot.provider.name", provider));

    public void RecordOperation(ChatProvider provider, string responseModel, TimeSpan duration, string? errorType)
    {
        var tags = Tags(provider, responseModel);
        if (errorType is not null) tags.Add("error.type", errorType);
        _operationDuration.Record(duration.TotalSeconds, tags);
    }

    public void RecordReply(ChatProvider provider, string responseModel, int inputTokens, int outputTokens, TimeSpan timeToFirstToken,
        ExperimentTags experiment = default)
    {
        var input = Tags(provider, responseModel);
        input.Add("gen_ai.token.type", "input");
        experiment.AddTo(ref input);
        _tokenUsage.Record(inputTokens, input);
        var output = Tags(provider, responseModel);
        output.Add("gen_ai.token.type", "output");
        experiment.AddTo(ref output);
        _tokenUsage.Record(outputTokens, output);
        var ttft = Tags(provider, responseModel);
        experiment.AddTo(ref ttft);
        _timeToFirstToken.Record(timeToFirstToken.TotalSeconds, ttft);
    }

    private static System.Diagnostics.TagList Tags(ChatProvider provider, string responseModel) => new()
    {
        { "gen_ai.operation.name", "chat" },
        { "gen_ai.provider.name", provider.Options.Type.ToString().ToLowerInvariant() },
        { "gen_ai.request.model", provider.Model },
        { "gen_ai.response.model", responseModel },
        { "chatbot.provider.name", provider.Name },
    };
}
