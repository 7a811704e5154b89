using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Chatbot.Deploy.Tests;

/// <summary>Evaluates a JSON Schema and lists what failed, instance location first.</summary>
internal static class SchemaCheck
{
    public static JsonSchema Load(string fileName) => JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", fileName));

    /// <summary>Empty when <paramref name="instance"/> is valid; otherwise every error.</summary>
    public static string Errors(JsonSchema schema, JsonNode? instance)
    {
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(instance), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return string.Empty;
        }
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
        return errors.Count > 0 ? string.Join("; ", errors) : "invalid";
    }
}
