using System.Text.Json;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Tools;
using Chatbot.InferenceWorker.Streaming;
using MassTransit;
using Microsoft.SemanticKernel;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>
/// Builds a reply's <see cref="ToolSession"/> from the tools that came with its request: one <see cref="KernelFunction"/>
/// per tool (name, description, a parameter per schema property with its own schema, so the provider gets the tool's
/// JSON Schema), in a kernel whose only auto-invocation filter is the reply's <see cref="ToolCallFilter"/>.
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

    private static KernelFunction Function(ToolSpec tool)
    {
        using var schema = JsonDocument.Parse(tool.Parameters);
        var required = schema.RootElement.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
        var parameters = schema.RootElement.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().Select(p => new KernelParameterMetadata(p.Name)
            {
                Description = p.Value.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null,
                IsRequired = required.Contains(p.Name),
                Schema = KernelJsonSchema.Parse(p.Value.GetRawText()),
            }).ToList()
            : [];
        return KernelFunctionFactory.CreateFromMethod(
            (Func<string>)(() => throw new InvalidOperationException("A tool runs only through its reply's ToolCallFilter.")),
            new KernelFunctionFromMethodOptions { FunctionName = tool.Name, Description = tool.Description, Parameters = parameters });
    }
}
