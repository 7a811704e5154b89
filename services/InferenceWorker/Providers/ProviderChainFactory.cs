using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Telemetry;
using Microsoft.Extensions.Options;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>Composes the chain once from <c>Inference:Providers</c>, in the configured order.</summary>
public static class ProviderChainFactory
{
    public static ProviderChain Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<InferenceOptions>>().Value;
        var clients = services.GetRequiredService<ChatCompletionServiceFactory>();
        var pipelines = services.GetRequiredService<ProviderPipelineFactory>();
        var providers = options.Providers
            .Select(p => new ChatProvider(p, clients.Create(p), pipelines.Create(p.DisplayName, options.Resilience)))
            .ToList();
        var logger = services.GetRequiredService<ILogger<ProviderChain>>();
        InferenceLog.ProviderChainComposed(logger, string.Join(" -> ", providers.Select(p => $"{p.Name} ({p.Options.Type}, {p.Model})")));
        return new ProviderChain(providers, services.GetRequiredService<InferenceMetrics>(), logger);
    }
}
