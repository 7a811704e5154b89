namespace Chatbot.InferenceWorker.Configuration;

/// <summary><c>Inference:Resilience</c>: retry and circuit breaker applied to every provider of the chain.</summary>
public sealed class ResilienceSettings
{
    /// <summary>Retries after the first attempt on 429, 5xx, timeouts and connection failures (before any token).</summary>
    public int MaxRetries { get; set; } = 2;
    public int BaseDelayMilliseconds { get; set; } = 200;

    /// <summary>A <c>Retry-After</c> longer than this is not waited for: the chain falls back to the next provider instead.</summary>
    public int MaxDelayMilliseconds { get; set; } = 5_000;

    public double BreakerFailureRatio { get; set; } = 0.5;
    public int BreakerMinimumThroughput { get; set; } = 5;
    public int BreakerSamplingSeconds { get; set; } = 30;
    public int BreakerBreakSeconds { get; set; } = 15;
}
