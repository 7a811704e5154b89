using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Tools;
using Microsoft.SemanticKernel;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>
/// OpenAI's <c>tool_choice</c> over the caller's functions as Semantic Kernel's <see cref="FunctionChoiceBehavior"/>,
/// never auto-invoked (the caller runs them): auto, required, none, or a named function (offered alone, required).
/// </summary>
public static class ClientToolBehavior
{
    public static FunctionChoiceBehavior? For(IReadOnlyList<ClientTool>? tools, ClientToolChoice? choice)
    {
        if (tools is not { Count: > 0 })
        {
            return null;
        }
        var functions = tools.Select(t => ToolFunctions.Create(t.Name, t.Description, t.Parameters)).ToList();
        return choice?.Mode switch
        {
            ClientToolChoice.None => FunctionChoiceBehavior.None(functions),
            ClientToolChoice.Required => FunctionChoiceBehavior.Required(functions, autoInvoke: false),
            ClientToolChoice.Named => FunctionChoiceBehavior.Required(functions.Where(f => f.Name == choice.Function).ToList(), autoInvoke: false),
            _ => FunctionChoiceBehavior.Auto(functions, autoInvoke: false),
        };
    }
}
