using Chatbot.InferenceWorker.Configuration;
using Microsoft.SemanticKernel.ChatCompletion;
using Polly;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>One link of the chain: its settings, its Semantic Kernel chat service and its own retry + circuit breaker.</summary>
public sealed record ChatProvider(ProviderOptions Options, IChatCompletionService Service, ResiliencePipeline Pipeline)
{
    public string Name => Options.DisplayName;
    public string Model => Options.Type == ProviderType.Simulator && string.IsNullOrWhiteSpace(Options.Model) ? "simulator" : Options.Model;
}
