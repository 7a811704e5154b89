using Chatbot.Contracts.Inference;
using Microsoft.SemanticKernel;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>
/// One reply's settings for Semantic Kernel under the names its connectors read: the OpenAI connector turns them into
/// <c>OpenAIPromptExecutionSettings</c> (<c>max_tokens</c>, <c>temperature</c>, <c>top_p</c>, <c>stop</c> in the request),
/// the <c>IChatClient</c> bridge into <c>ChatOptions</c> (the Anthropic request's <c>stop_sequences</c>; the Anthropic
/// SDK 13.13 has no temperature or top_p in its request model and drops them), and the in-process simulator reads them
/// here. Unset sampling fields are left out.
/// </summary>
public static class ExecutionSettings
{
    public const string MaxTokens = "max_tokens";
    public const string Temperature = "temperature";
    public const string TopP = "top_p";
    public const string StopSequences = "stop_sequences";

    public static PromptExecutionSettings Create(int maxOutputTokens, SamplingSettings? sampling)
    {
        var data = new Dictionary<string, object> { [MaxTokens] = maxOutputTokens };
        if (sampling?.Temperature is { } temperature)
        {
            data[Temperature] = temperature;
        }
        if (sampling?.TopP is { } topP)
        {
            data[TopP] = topP;
        }
        if (sampling?.Stop is { Count: > 0 } stop)
        {
            data[StopSequences] = stop.ToList();
        }
        return new PromptExecutionSettings { ExtensionData = data };
    }
}
