namespace Chatbot.InferenceWorker.Configuration;

/// <summary>The kinds of model provider the chain can hold; chosen per entry of <c>Inference:Providers</c>.</summary>
public enum ProviderType
{
    Simulator,
    OpenAI,
    AzureOpenAI,
    OpenAICompatible,
    Anthropic,
}
