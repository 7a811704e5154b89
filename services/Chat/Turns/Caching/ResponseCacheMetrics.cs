using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Chatbot.Chat.Turns.Caching;

/// <summary>The hits chat answers itself, under the worker's metric names (<c>chatbot.cache.hits</c>, <c>chatbot.cache.saved_cost</c>).</summary>
public sealed class ResponseCacheMetrics
{
    public const string MeterName = "Chatbot.Chat.ResponseCache";
    private readonly Counter<long> hits;
    private readonly Counter<double> saved;

    public ResponseCacheMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        hits = meter.CreateCounter<long>("chatbot.cache.hits", "{reply}", "Turns answered from the response cache, by tenant tier and model.");
        saved = meter.CreateCounter<double>("chatbot.cache.saved_cost", "{USD}", "Provider spend a response cache hit avoided, by tenant tier and model.");
    }

    public void RecordHit(string tier, string model, decimal savedUsd)
    {
        var tags = new TagList { { "tier", tier }, { "gen_ai.request.model", model } };
        hits.Add(1, tags);
        if (savedUsd > 0m) saved.Add((double)savedUsd, tags);
    }
}
