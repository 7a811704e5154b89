using System.Text;
using Chatbot.Contracts.Inference;
using Microsoft.SemanticKernel;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>
/// Puts a streamed reply's function calls together (Semantic Kernel's <see cref="StreamingFunctionCallUpdateContent"/>:
/// the first update of a call carries its id and name, later ones argument fragments, all with the call's index), for
/// a reply whose tools the caller runs: the calls go to the caller whole, after the output checks.
/// </summary>
public sealed class ToolCallCollector
{
    private readonly SortedDictionary<int, Call> calls = [];

    public void Add(StreamingChatMessageContent chunk)
    {
        foreach (var update in chunk.Items.OfType<StreamingFunctionCallUpdateContent>())
        {
            if (!calls.TryGetValue(update.FunctionCallIndex, out var call))
            {
                calls[update.FunctionCallIndex] = call = new Call();
            }
            call.Id ??= update.CallId;
            call.Name ??= update.Name;
            call.Arguments.Append(update.Arguments);
        }
    }

    public void Clear() => calls.Clear();

    /// <summary>The calls in index order; a call without a name is dropped, one without an id gets one.</summary>
    public IReadOnlyList<ChatToolCall> Calls =>
        [.. calls.Where(c => !string.IsNullOrEmpty(c.Value.Name)).Select(c => new ChatToolCall(
            c.Value.Id ?? $"call_{Guid.NewGuid():N}", c.Value.Name!, c.Value.Arguments.Length == 0 ? "{}" : c.Value.Arguments.ToString()))];

    private sealed class Call
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public StringBuilder Arguments { get; } = new();
    }
}
