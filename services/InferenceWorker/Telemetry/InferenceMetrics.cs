using System.Diagnostics.Metrics;
using Chatbot.InferenceWorker.Providers;

namespace Chatbot.InferenceWorker.Telemetry;

/// <summary>GenAI semantic-convention metrics of the provider calls (client side).</summary>
public sealed class InferenceMetrics
{
    public const string MeterName = "Chatbot.InferenceWorker";

    private static readonly double[] TokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576];
    private static readonly double[] SecondBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    private readonly Histogram<int> _tokenUsage;
    private readonly Histogram<double> _operationDuration;
    private readonly Histogram<double> _timeToFirstToken;

    public InferenceMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _tokenUsage = meter.CreateHistogram("gen_ai.client.token.usage", "{token}", "Number of input and output tokens used.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [.. TokenBuckets.Select(b => (int)b)] });
        _operationDuration = meter.CreateHistogram("gen_ai.client.operation.duration", "s", "GenAI operation duration.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondBuckets });
        _timeToFirstToken = meter.CreateHistogram("gen_ai.client.operation.time_to_first_chunk", "s", "Time from the request to the first streamed token.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondBuckets });
    }

    public void RecordOperation(ChatProvider provider, string responseModel, TimeSpan duration, string? errorType)
    {
        var tags = Tags(provider, responseModel);
        if (errorType is not null) tags.Add("error.type", errorType);
        _operationDuration.Record(duration.TotalSeconds, tags);
    }

    public void RecordReply(ChatProvider provider, string responseModel, int inputTokens, int outputTokens, TimeSpan timeToFirstToken)
    {
        var input = Tags(provider, responseModel);
        input.Add("gen_ai.token.type", "input");
        _tokenUsage.Record(inputTokens, input);
        var output = Tags(provider, responseModel);
        output.Add("gen_ai.token.type", "output");
        _tokenUsage.Record(outputTokens, output);
        _timeToFirstToken.Record(timeToFirstToken.TotalSeconds, Tags(provider, responseModel));
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
