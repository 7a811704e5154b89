using System.Text.Json;
using Chatbot.Contracts.Inference;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>
/// A request's turns as Semantic Kernel's <see cref="ChatHistory"/>: an assistant turn's tool calls become
/// <see cref="FunctionCallContent"/> items and a <c>tool</c> turn a <see cref="FunctionResultContent"/> for its call id,
/// which is how the connectors write OpenAI's <c>tool_calls</c> and <c>tool</c> messages (and Anthropic's tool blocks).
/// </summary>
public static class ChatHistoryFactory
{
    public static ChatHistory Create(IReadOnlyList<ChatTurn> messages)
    {
        var history = new ChatHistory();
        foreach (var m in messages)
        {
            switch (m.Role)
            {
                case "system":
                    history.AddSystemMessage(m.Content);
                    break;
                case "assistant" when m.ToolCalls is { Count: > 0 } calls:
                    var message = new ChatMessageContent(AuthorRole.Assistant, string.IsNullOrEmpty(m.Content) ? null : m.Content);
                    foreach (var call in calls)
                    {
                        message.Items.Add(new FunctionCallContent(call.Name, pluginName: null, id: call.Id, arguments: Arguments(call.Arguments)));
                    }
                    history.Add(message);
                    break;
                case "assistant":
                    history.AddAssistantMessage(m.Content);
                    break;
                case "tool":
                    history.Add(new ChatMessageContent(AuthorRole.Tool,
                        [new FunctionResultContent(functionName: null, pluginName: null, callId: m.ToolCallId, result: m.Content)]));
                    break;
                default:
                    history.AddUserMessage(m.Content);
                    break;
            }
        }
        return history;
    }

    /// <summary>The call's JSON object as arguments (values kept as JSON); anything else as no arguments.</summary>
    private static KernelArguments Arguments(string json)
    {
        var arguments = new KernelArguments();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    arguments[property.Name] = property.Value.Clone();
                }
            }
        }
        catch (JsonException)
        {
            // A model's malformed arguments, sent back by the caller: the call stays in the history without them.
        }
        return arguments;
    }
}
