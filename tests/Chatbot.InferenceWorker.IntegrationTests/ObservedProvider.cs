extern alias worker;

using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Polly;
using ChatProvider = worker::Chatbot.InferenceWorker.Providers.ChatProvider;
using InferenceMetrics = worker::Chatbot.InferenceWorker.Telemetry.InferenceMetrics;
using ProviderChain = worker::Chatbot.InferenceWorker.Providers.ProviderChain;
using ProviderOptions = worker::Chatbot.InferenceWorker.Configuration.ProviderOptions;
using ProviderSimulator = Chatbot.Simulator.ProviderSimulator;
using SimulatorChatCompletionService = worker::Chatbot.InferenceWorker.Providers.SimulatorChatCompletionService;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>
/// The worker's in-process simulator as provider "primary", observed: when the chain asked it, when it yielded its first
/// token, and whether the call was cancelled. <see cref="Chain"/> is a one-provider chain over it, no retries.
/// </summary>
public sealed class ObservedProvider : IChatCompletionService
{
    private readonly IChatCompletionService _inner;

    public ObservedProvider(IServiceProvider worker)
    {
        _inner = new SimulatorChatCompletionService(worker.GetRequiredService<ProviderSimulator>(), "primary");
        var options = new ProviderOptions { Name = "primary", TimeoutSeconds = 120 };
        Chain = new ProviderChain([new ChatProvider(options, this, ResiliencePipeline.Empty)],
            worker.GetRequiredService<InferenceMetrics>(), NullLogger<ProviderChain>.Instance);
    }

    public ProviderChain Chain { get; }
    public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource FirstToken { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>The call ended because its token was cancelled (while waiting for the provider or held at the chain's sink).</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyDictionary<string, object?> Attributes => _inner.Attributes;

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Asked.TrySetResult();
        // Checked when the call ends rather than by a token registration: a registration disposed as the cancelled call
        // unwinds (its Task.Delay's callback runs first and may resume this iterator inline) would never fire.
        try
        {
            await foreach (var chunk in _inner.GetStreamingChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken))
            {
                if (!string.IsNullOrEmpty(chunk.Content)) FirstToken.TrySetResult();
                yield return chunk;
            }
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested) Cancelled.TrySetResult();
        }
    }
}
