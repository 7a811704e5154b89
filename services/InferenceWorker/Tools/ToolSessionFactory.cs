using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Tools;
using Chatbot.InferenceWorker.Streaming;
using MassTransit;
using Microsoft.SemanticKernel;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>
/// Builds a reply's <see cref="ToolSession"/> from the tools that came with its request: one <see cref="KernelFunction"/>
/// per tool (<see cref="ToolFunctions"/>), in a kernel whose only auto-invocation filter is the reply's <see cref="ToolCallFilter"/>.
/// </summary>
public sealed class ToolSessionFactory(ToolServices services, ILogger<ToolSessionFactory> logger)
{
    public const string PluginName = "tools";

    /// <summary>Null when the request brings no tools: the reply is generated without function calling.</summary>
    public ToolSession? Create(GenerateReply request, ReplyStreamWriter stream, IPublishEndpoint publisher)
    {
        if (request.Tools is not { Count: > 0 } specs) return null;
        var kernel = new Kernel();
        var session = new ToolSession(kernel);
        kernel.Plugins.AddFromFunctions(PluginName, specs.Select(Function));
        var allowed = specs.ToDictionary(t => t.Name, StringComparer.Ordinal);
        kernel.AutoFunctionInvocationFilters.Add(new ToolCallFilter(request, allowed, session, stream, publisher, services, logger));
        return session;
    }

    private static KernelFunction Function(ToolSpec tool) => ToolFunctions.Create(tool.Name, tool.Description, tool.Parameters);
}
