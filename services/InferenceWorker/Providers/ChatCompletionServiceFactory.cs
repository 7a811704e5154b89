using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Chatbot.InferenceWorker.Configuration;
using Chatbot.Simulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
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

    /// <remarks>
    /// The Anthropic SDK's <see cref="IChatClient"/> turns <c>tool_use</c> blocks into function calls and function results
    /// into <c>tool_result</c> blocks (<c>is_error</c> when the call threw); Semantic Kernel's function-invoking client runs
    /// a reply's tools through the kernel's auto-invocation filters (the reply's <c>ToolCallFilter</c>), as the OpenAI
    /// connector does. A caller's tools (offered without invocation) pass through to the caller.
    /// </remarks>
    private IChatCompletionService AnthropicService(ProviderOptions options)
    {
        var client = options.Endpoint is { Length: > 0 } endpoint
            ? new AnthropicClient { ApiKey = options.ApiKey, MaxRetries = 0, HttpClient = AnthropicHttp, BaseUrl = endpoint }
            : new AnthropicClient { ApiKey = options.ApiKey, MaxRetries = 0, HttpClient = AnthropicHttp };
#pragma warning disable SKEXP0001 // the IChatClient bridge and its function invocation are marked experimental.
        var chat = new StopSequencesChatClient(client.AsIChatClient(options.Model)).AsBuilder()
            .UseKernelFunctionInvocation(NullLoggerFactory.Instance) // a refusal is no error to log: ToolLog records every call's outcome
            .Build();
        var invoking = chat.GetService<FunctionInvokingChatClient>()
            ?? throw new InvalidOperationException("Semantic Kernel's function-invoking chat client is missing.");
        invoking.IncludeDetailedErrors = true; // a refused call's reason (ToolCallRefusedException, plain words) reaches the model
        invoking.MaximumConsecutiveErrorsPerRequest = MaxConsecutiveToolErrors;
        return chat.AsChatCompletionService();
#pragma warning restore SKEXP0001
    }

    /// <summary>Refused or failed tool calls in a row after which an Anthropic reply gives up (the attempt fails).</summary>
    public const int MaxConsecutiveToolErrors = 16;
}
