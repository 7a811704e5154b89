using System.Diagnostics;
using System.Text;
using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Telemetry;
using Chatbot.InferenceWorker.Tools;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Polly.CircuitBreaker;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>
/// The providers in fallback order. Each is tried through its own pipeline (retry, breaker); when it gives up, the next
/// one answers. A fallback before any token is invisible to the reader; after tokens the sink gets a reset first.
/// </summary>
public sealed class ProviderChain(IReadOnlyList<ChatProvider> providers, InferenceMetrics metrics, ILogger<ProviderChain> logger)
{
    /// <summary>
    /// The kernel a caller's tools go with: empty, so nothing runs here. With a kernel, Semantic Kernel's
    /// <c>IChatClient</c> bridge marks the call as not auto-invoked and its function-invoking client (the Anthropic path)
    /// hands the model's calls back instead of running them.
    /// </summary>
    private static readonly Kernel CallerToolsKernel = new();

    public IReadOnlyList<ChatProvider> Providers => providers;

    public Task<ProviderReply> StreamAsync(IReadOnlyList<ChatTurn> messages, int maxOutputTokens, IReplySink sink, CancellationToken cancellationToken) =>
        StreamAsync(messages, maxOutputTokens, preferredProvider: null, sampling: null, sink, cancellationToken);

    /// <summary>
    /// Streams one reply. <paramref name="preferredProvider"/> (a provider name, from the caller's model alias) is asked
    /// first and the others keep their order behind it as the fallback; an unknown name leaves the configured order.
    /// <paramref name="sampling"/> goes to every provider tried (<see cref="ExecutionSettings"/>).
    /// </summary>
    /// <remarks>
    /// <paramref name="tools"/>: the reply's tools (null: none); offered to the model with automatic invocation through
    /// the session's kernel, whose filter decides every call. Once a tool has run, a failing attempt is not retried (its
    /// calls are not repeated); the next provider starts the reply over, with its own calls.
    /// </remarks>
    /// <remarks>
    /// <paramref name="clientTools"/>: functions the caller runs itself (the OpenAI-compatible door's <c>tools</c>), offered
    /// without invocation as <paramref name="clientToolChoice"/> says; the model's calls come back whole in
    /// <see cref="ProviderReply.ToolCalls"/>.
    /// </remarks>
    public async Task<ProviderReply> StreamAsync(IReadOnlyList<ChatTurn> messages, int maxOutputTokens, string? preferredProvider,
        SamplingSettings? sampling, IReplySink sink, CancellationToken cancellationToken, ToolSession? tools = null,
        IReadOnlyList<ClientTool>? clientTools = null, ClientToolChoice? clientToolChoice = null)
    {
        var settings = ExecutionSettings.Create(maxOutputTokens, sampling);
        if (tools is not null) settings.FunctionChoiceBehavior = FunctionChoiceBehavior.Auto();
        else if (ClientToolBehavior.For(clientTools, clientToolChoice) is { } behavior) settings.FunctionChoiceBehavior = behavior;
        var collectCalls = tools is null && clientTools is { Count: > 0 };
        var kernel = tools?.Kernel ?? (collectCalls ? CallerToolsKernel : null);
        var reasons = new List<string>();
        var anyTokenSent = false;
        foreach (var provider in InOrder(preferredProvider))
        {
            if (anyTokenSent)
            {
                await sink.ResetAsync(cancellationToken);
                anyTokenSent = false;
            }
            sink.ProviderSelected(provider);
            var attempt = new Attempt(sink, tools, collectCalls ? new ToolCallCollector() : null, kernel);
            var history = ChatHistoryFactory.Create(messages); // a tool round adds to the history: every provider starts from the request's
            var clock = Stopwatch.StartNew();
            using var activity = InferenceActivities.StartChat(provider, maxOutputTokens);
            try
            {
                var reply = await provider.Pipeline.ExecuteAsync(
                    async ct => await RunAttemptAsync(provider, history, settings, attempt, activity, ct), cancellationToken);
                metrics.RecordOperation(provider, reply.Model, clock.Elapsed, errorType: null);
                InferenceActivities.Succeeded(activity, reply);
                return reply;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                var reason = ex is BrokenCircuitException ? "circuit open" : ex.Message;
                metrics.RecordOperation(provider, provider.Model, clock.Elapsed, ErrorType(ex));
                InferenceActivities.Failed(activity, ErrorType(ex), reason);
                InferenceLog.ProviderFailed(logger, provider.Name, reason);
                reasons.Add($"{provider.Name}: {reason}");
                if (!ReferenceEquals(provider, providers[^1])) metrics.RecordFallback(provider);
                anyTokenSent = attempt.TokensSent > 0;
            }
        }
        throw new AllProvidersFailedException(reasons);
    }

    /// <summary>The chain with <paramref name="preferred"/> moved to the front (no copy when it is already first or unknown).</summary>
    public IReadOnlyList<ChatProvider> InOrder(string? preferred)
    {
        var index = preferred is null ? -1 : providers.ToList().FindIndex(p => string.Equals(p.Name, preferred, StringComparison.OrdinalIgnoreCase));
        return index <= 0 ? providers : [providers[index], .. providers.Where((_, i) => i != index)];
    }

    private static async Task<ProviderReply> RunAttemptAsync(
        ChatProvider provider, ChatHistory history, PromptExecutionSettings settings, Attempt attempt, Activity? activity,
        CancellationToken cancellationToken)
    {
        attempt.Begin();
        var timeout = TimeSpan.FromSeconds(provider.Options.TimeoutSeconds);
        using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        watchdog.CancelAfter(timeout);
        // A tool that runs, or waits for a human, is not a silent provider: the watchdog pauses meanwhile.
        attempt.Tools?.BindWatchdog(running => watchdog.CancelAfter(running ? timeout : Timeout.InfiniteTimeSpan));
        var clock = Stopwatch.StartNew();
        TimeSpan? firstToken = null;
        ProviderUsage? usage = null;
        string? model = null;
        try
        {
            await foreach (var chunk in provider.Service.GetStreamingChatMessageContentsAsync(history, settings, attempt.Kernel, watchdog.Token).WithCancellation(watchdog.Token))
            {
                usage = UsageReader.Read(chunk.Metadata, chunk.InnerContent) ?? usage;
                model ??= chunk.ModelId;
                attempt.Calls?.Add(chunk);
                if (!string.IsNullOrEmpty(chunk.Content))
                {
                    if (firstToken is null)
                    {
                        firstToken = clock.Elapsed;
                        InferenceActivities.FirstToken(activity);
                    }
                    await attempt.TokenAsync(chunk.Content, cancellationToken);
                }
                watchdog.CancelAfter(timeout); // the timeout is per gap: to the first token, then between tokens
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw attempt.Wrap(new ProviderException($"No token within {timeout.TotalSeconds:0.#} s.", isTimeout: true));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw attempt.Wrap(ProviderFailures.Normalize(ex));
        }
        finally
        {
            attempt.Tools?.BindWatchdog(null);
        }
        return new ProviderReply(provider, model ?? provider.Model, attempt.Content.ToString(), usage, firstToken ?? clock.Elapsed)
        {
            ToolCalls = attempt.Calls?.Calls ?? [],
        };
    }

    private static string ErrorType(Exception ex) => ex switch
    {
        BrokenCircuitException => "circuit_open",
        ProviderException { IsTimeout: true } => "timeout",
        ProviderException { StatusCode: { } s } => s.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ProviderException { IsConnectionFailure: true } or MidStreamFailureException => "connection",
        _ => ex.GetType().Name,
    };

    /// <summary>What one provider sent: tokens since its last (re)try, and whether a failure came before or after the first.</summary>
    private sealed class Attempt(IReplySink sink, ToolSession? tools, ToolCallCollector? calls, Kernel? kernel)
    {
        public Kernel? Kernel => kernel;
        public StringBuilder Content { get; } = new();
        public int TokensSent { get; private set; }
        public ToolSession? Tools => tools;
        public ToolCallCollector? Calls => calls;

        public void Begin()
        {
            if (TokensSent > 0) throw new InvalidOperationException("A provider attempt is never retried after it streamed tokens.");
            Content.Clear();
            calls?.Clear();
        }

        public async ValueTask TokenAsync(string text, CancellationToken cancellationToken)
        {
            Content.Append(text);
            TokensSent++;
            await sink.TokenAsync(text, cancellationToken);
        }

        /// <summary>After tokens or a tool call the attempt is not retried: the reader saw them, or the tool ran.</summary>
        public Exception Wrap(ProviderException failure) =>
            TokensSent > 0 || tools?.CallsMade > 0 ? new MidStreamFailureException(failure) : failure;
    }
}
