using System.Diagnostics.Metrics;
using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Providers;
using Chatbot.InferenceWorker.Telemetry;
using Chatbot.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Chatbot.InferenceWorker.UnitTests;

internal static class ChainFactory
{
    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static ResilienceSettings FastResilience(Action<ResilienceSettings>? configure = null)
    {
        var settings = new ResilienceSettings { MaxRetries = 2, BaseDelayMilliseconds = 10, MaxDelayMilliseconds = 2_000 };
        configure?.Invoke(settings);
        return settings;
    }

    public static ChatProvider Provider(string name, IChatCompletionService service, ResilienceSettings? resilience = null, int timeoutSeconds = 5) =>
        new(new ProviderOptions { Name = name, Type = ProviderType.OpenAICompatible, Model = name + "-model", TimeoutSeconds = timeoutSeconds,
                InputPricePerMillion = 1, OutputPricePerMillion = 2 },
            service,
            new ProviderPipelineFactory(NullLogger<ProviderPipelineFactory>.Instance, TimeProvider.System).Create(name, resilience ?? FastResilience()));

    /// <summary>A provider as the worker builds it from <paramref name="options"/>: the real SDK client and pipeline.</summary>
    public static ChatProvider Real(ProviderOptions options, ProviderSimulator simulator, ResilienceSettings? resilience = null) => new(
        options,
        new ChatCompletionServiceFactory(simulator, NullLoggerFactory.Instance).Create(options),
        new ProviderPipelineFactory(NullLogger<ProviderPipelineFactory>.Instance, TimeProvider.System).Create(options.Name, resilience ?? FastResilience()));

    public static ProviderChain Chain(params ChatProvider[] providers) => Chain(new InferenceMetrics(Meters), providers);

    public static ProviderChain Chain(InferenceMetrics metrics, params ChatProvider[] providers) =>
        new(providers, metrics, NullLogger<ProviderChain>.Instance);
}
