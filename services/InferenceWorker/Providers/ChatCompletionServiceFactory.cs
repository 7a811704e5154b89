using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Chatbot.InferenceWorker.Configuration;
using Chatbot.Simulator;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>
/// The only place that knows provider SDKs: builds a Semantic Kernel <see cref="IChatCompletionService"/> from one
/// provider's settings. SDK-level retries are switched off because the chain does its own (retry, breaker, fallback).
/// </summary>
public sealed class ChatCompletionServiceFactory(ProviderSimulator simulator, ILoggerFactory loggerFactory)
{
    // One pooled connection handler for every provider; no client-wide timeout, streams are long.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    // The Anthropic SDK's errors drop the response headers: its client turns an error status into a ProviderException with Retry-After first.
    private static readonly HttpClient AnthropicHttp = new(new AnthropicStatusHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }))
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public IChatCompletionService Create(ProviderOptions options) => options.Type switch
    {
        ProviderType.Simulator => new SimulatorChatCompletionService(simulator, options.DisplayName,
            string.IsNullOrWhiteSpace(options.Model) ? ProviderSimulator.ModelName : options.Model),
        ProviderType.OpenAI => OpenAi(options, options.Endpoint is { Length: > 0 } e ? new Uri(e) : null),
        ProviderType.OpenAICompatible => OpenAi(options, new Uri(options.Endpoint!)),
        ProviderType.AzureOpenAI => OpenAi(options, AzureV1Endpoint(options.Endpoint!)),
        ProviderType.Anthropic => AnthropicService(options),
        _ => throw new InvalidOperationException($"Unknown provider type {options.Type}."),
    };

    private OpenAIChatCompletionService OpenAi(ProviderOptions options, Uri? endpoint)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = new HttpClientPipelineTransport(Http),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        // OpenAI-compatible servers (vLLM, Ollama, the simulator) often need no key, but the client requires one.
        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), clientOptions);
        return new OpenAIChatCompletionService(options.Model, client, loggerFactory);
    }

    /// <summary>Azure OpenAI's v1 API is OpenAI-compatible: <c>{resource}/openai/v1/</c> with the key; Model is the deployment name.</summary>
    private static Uri AzureV1Endpoint(string endpoint) =>
        endpoint.Contains("/openai/v1", StringComparison.OrdinalIgnoreCase) ? new Uri(endpoint) : new Uri(new Uri(endpoint.TrimEnd('/') + "/"), "openai/v1/");

    private static IChatCompletionService AnthropicService(ProviderOptions options)
    {
        var client = options.Endpoint is { Length: > 0 } endpoint
            ? new AnthropicClient { ApiKey = options.ApiKey, MaxRetries = 0, HttpClient = AnthropicHttp, BaseUrl = endpoint }
            : new AnthropicClient { ApiKey = options.ApiKey, MaxRetries = 0, HttpClient = AnthropicHttp };
#pragma warning disable SKEXP0001 // IChatClient to IChatCompletionService bridge is marked experimental.
        return new StopSequencesChatClient(client.AsIChatClient(options.Model)).AsChatCompletionService();
#pragma warning restore SKEXP0001
    }
}
