using System.Runtime.CompilerServices;
using System.Text.Json;
using Chatbot.Simulator;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>
/// The simulator (<c>services/Simulator</c>) as a Semantic Kernel chat service, used in process when a provider's Type is
/// Simulator. A <c>tool=</c> directive is answered with a function call as the OpenAI connector reports one (streamed
/// <see cref="StreamingFunctionCallUpdateContent"/>s), like the HTTP endpoint's <c>tool_calls</c>.
/// </summary>
/// <paramref name="model"/>: the model name it answers as (the provider's <c>Model</c>, <c>simulator</c> by default), so
/// two simulator providers behind two model aliases can be told apart in the stored reply.
public sealed class SimulatorChatCompletionService(ProviderSimulator simulator, string providerName, string model = ProviderSimulator.ModelName)
    : IChatCompletionService
{
    /// <summary>The OpenAI connector's result for a call of a function that was not offered (Semantic Kernel 1.82).</summary>
    public const string UndefinedFunction = "Error: Function call request for a function that wasn't defined. Correct yourself.";

    /// <summary>The OpenAI connector's result for a call whose filter or function threw, before the exception's message.</summary>
    public const string FailedFunction = "Error: Exception while invoking function. ";

    public IReadOnlyDictionary<string, object?> Attributes { get; } =
        new Dictionary<string, object?> { [AIServiceExtensions.ModelIdKey] = model };

    public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        var plan = Plan(chatHistory, executionSettings);
        var text = new System.Text.StringBuilder();
        await foreach (var token in simulator.StreamAsync(plan, cancellationToken)) text.Append(token);
        var usage = new ProviderUsage(plan.InputTokens, plan.OutputTokens);
        var message = new ChatMessageContent(AuthorRole.Assistant, text.ToString(), model,
            metadata: new Dictionary<string, object?> { [ProviderUsage.MetadataKey] = usage });
        if (plan.ToolCall is { } call)
        {
            message.Items.Add(new FunctionCallContent(call.Name, pluginName: null, id: call.Id));
        }
        return [message];
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var plan = Plan(chatHistory, executionSettings);
        await foreach (var token in simulator.StreamAsync(plan, cancellationToken))
        {
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, token, modelId: model);
        }
        if (plan.ToolCall is { } call && AutoInvokes(chatHistory, executionSettings, kernel, call.Name, out var function))
        {
            // As the OpenAI connector auto-invokes: the kernel's filters run the call (the reply's ToolCallFilter: allowlist,
            // schema, approval, screening), the call and its result join the history, and the model is asked again.
            await InvokeAsync(kernel!, function, call, chatHistory, cancellationToken);
            await foreach (var chunk in GetStreamingChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken))
            {
                yield return chunk;
            }
            yield break;
        }
        if (plan.ToolCall is { } asked)
        {
            // As the OpenAI connector streams a call: id and name first, then the arguments in pieces, one index.
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, null, modelId: model)
            {
                Items = [new StreamingFunctionCallUpdateContent(asked.Id, asked.Name, functionCallIndex: 0)],
            };
            foreach (var piece in asked.Arguments.Chunk(16))
            {
                yield return new StreamingChatMessageContent(AuthorRole.Assistant, null, modelId: model)
                {
                    Items = [new StreamingFunctionCallUpdateContent(arguments: new string(piece), functionCallIndex: 0)],
                };
            }
        }
        yield return new StreamingChatMessageContent(null, null, modelId: model,
            metadata: new Dictionary<string, object?> { [ProviderUsage.MetadataKey] = new ProviderUsage(plan.InputTokens, plan.OutputTokens) });
    }

    /// <summary>
    /// Whether the settings ask for automatic invocation (otherwise the call is a caller's tool and goes back to it), and
    /// the offered function the call names: null when the model named one that was not offered.
    /// </summary>
    private static bool AutoInvokes(ChatHistory history, PromptExecutionSettings? settings, Kernel? kernel, string name, out KernelFunction? function)
    {
        function = null;
        if (settings?.FunctionChoiceBehavior is not { } behavior || kernel is null)
        {
            return false;
        }
#pragma warning disable SKEXP0001 // the behaviour's configuration is how connectors read it
        var configuration = behavior.GetConfiguration(new FunctionChoiceBehaviorConfigurationContext(history) { Kernel = kernel });
#pragma warning restore SKEXP0001
        if (!configuration.AutoInvoke)
        {
            return false;
        }
        function = configuration.Functions?.FirstOrDefault(f => f.Name == name) ?? kernel.Plugins.SelectMany(p => p).FirstOrDefault(f => f.Name == name);
        return true;
    }

    /// <summary>
    /// Runs the call through the kernel's auto-invocation filters (a filter that does not call on leaves its own result),
    /// and adds the call and its result to the history as the connector does: a function that was not offered, or a filter
    /// that throws (a refused call), gives the connector's error text as the result.
    /// </summary>
    private static async Task InvokeAsync(Kernel kernel, KernelFunction? function, SimulatedToolCall call, ChatHistory history,
        CancellationToken cancellationToken)
    {
        var arguments = Arguments(call.Arguments);
        var request = new ChatMessageContent(AuthorRole.Assistant, content: null);
        request.Items.Add(new FunctionCallContent(function?.Name ?? call.Name, function?.PluginName, call.Id, arguments));
        history.Add(request);
        string result;
        if (function is null)
        {
            result = UndefinedFunction;
        }
        else
        {
            var context = new AutoFunctionInvocationContext(kernel, function, new FunctionResult(function), history, request)
            {
                Arguments = arguments, ToolCallId = call.Id, CancellationToken = cancellationToken,
            };
            try
            {
                await Next(0)(context);
                result = context.Result.GetValue<object>()?.ToString() ?? "";
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = FailedFunction + ex.Message;
            }
        }
        history.Add(new ChatMessageContent(AuthorRole.Tool,
            [new FunctionResultContent(function?.Name ?? call.Name, function?.PluginName, call.Id, result)]));

        Func<AutoFunctionInvocationContext, Task> Next(int index) => index < kernel.AutoFunctionInvocationFilters.Count
            ? c => kernel.AutoFunctionInvocationFilters[index].OnAutoFunctionInvocationAsync(c, Next(index + 1))
            : async c => c.Result = await c.Function.InvokeAsync(kernel, c.Arguments, c.CancellationToken);
    }

    /// <summary>The call's JSON arguments as the OpenAI connector hands them over: every value as a string.</summary>
    private static KernelArguments Arguments(string json)
    {
        var arguments = new KernelArguments();
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                arguments[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }
        return arguments;
    }

    private SimulationPlan Plan(ChatHistory history, PromptExecutionSettings? settings) =>
        simulator.Plan([.. history.Select(m => new SimulatedMessage(m.Role.Label, Text(m)))], MaxTokens(settings), providerName,
            Stop(settings));

    /// <summary>A message's text; a tool message's is its function result, as the HTTP endpoint reads a <c>tool</c> message's content.</summary>
    private static string Text(ChatMessageContent message) =>
        message.Content ?? string.Concat(message.Items.OfType<FunctionResultContent>().Select(r => r.Result switch
        {
            null => "",
            string s => s,
            var other => JsonSerializer.Serialize(other),
        }));

    private static int? MaxTokens(PromptExecutionSettings? settings) =>
        settings?.ExtensionData is { } data && data.TryGetValue(ExecutionSettings.MaxTokens, out var value)
            ? value switch
            {
                int i => i,
                long l => (int)l,
                JsonElement { ValueKind: JsonValueKind.Number } e => e.GetInt32(),
                _ => null,
            }
            : null;

    private static List<string>? Stop(PromptExecutionSettings? settings) =>
        settings?.ExtensionData is { } data && data.TryGetValue(ExecutionSettings.StopSequences, out var value)
            ? value switch
            {
                IEnumerable<string> list => [.. list],
                JsonElement { ValueKind: JsonValueKind.Array } e => [.. e.EnumerateArray().Select(s => s.GetString() ?? "")],
                _ => null,
            }
            : null;
}
