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
        if (plan.ToolCall is { } call)
        {
            // As the OpenAI connector streams a call: id and name first, then the arguments in pieces, one index.
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, null, modelId: model)
            {
                Items = [new StreamingFunctionCallUpdateContent(call.Id, call.Name, functionCallIndex: 0)],
            };
            foreach (var piece in call.Arguments.Chunk(16))
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
