using System.Text.Json;
using Microsoft.SemanticKernel;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>
/// A tool as a <see cref="KernelFunction"/> the model is offered: its name, description and one parameter per property
/// of its JSON Schema (with that property's own schema), so the provider gets the tool's schema. The function's body
/// never runs: a tenant's tool runs through its reply's <see cref="ToolCallFilter"/>, a caller's tool by the caller.
/// </summary>
public static class ToolFunctions
{
    public static KernelFunction Create(string name, string? description, string parametersSchema)
    {
        using var schema = JsonDocument.Parse(parametersSchema);
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
            (Func<string>)(() => throw new InvalidOperationException("A tool runs only through its reply's ToolCallFilter or by the caller.")),
            new KernelFunctionFromMethodOptions { FunctionName = name, Description = description, Parameters = parameters });
    }
}
