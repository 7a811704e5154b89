using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Telemetry;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>
/// Per provider: retry with exponential backoff and jitter on transient failures (429, 5xx, timeout, connection),
/// honouring <c>Retry-After</c> when it is not longer than the configured maximum (otherwise fall back at once),
/// inside it a circuit breaker that opens when the provider keeps failing.
/// </summary>
public sealed class ProviderPipelineFactory(ILogger<ProviderPipelineFactory> logger, TimeProvider timeProvider, InferenceMetrics? metrics = null)
{
    public ResiliencePipeline Create(string providerName, ResilienceSettings settings)
    {
        var maxDelay = TimeSpan.FromMilliseconds(settings.MaxDelayMilliseconds);
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is ProviderException { IsTransient: true } p && (p.RetryAfter is null || p.RetryAfter <= maxDelay)),
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(settings.BaseDelayMilliseconds),
                MaxDelay = maxDelay,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ProviderException { RetryAfter: { } ra } ? (TimeSpan?)ra : null),
                OnRetry = args =>
                {
                    InferenceLog.RetryingProvider(logger, providerName, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, Describe(args.Outcome.Exception));
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is ProviderException { IsTransient: true } or MidStreamFailureException),
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(settings.BreakerSamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(settings.BreakerBreakSeconds),
                OnOpened = args =>
                {
                    InferenceLog.CircuitOpened(logger, providerName, args.BreakDuration.TotalSeconds);
                    metrics?.CircuitOpened(providerName);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    InferenceLog.CircuitClosed(logger, providerName);
                    metrics?.CircuitClosed(providerName);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static string Describe(Exception? exception) => exception?.Message ?? "unknown";
}
