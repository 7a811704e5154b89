using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chatbot.Contracts.Tools;
using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Pii;
using Json.Schema;
using Microsoft.SemanticKernel;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>
/// A call's arguments as the tool will receive them, and the checks they must pass: the tool's JSON Schema; no secret (the
/// secret detectors of <c>Moderation.Detectors</c>); no id (a GUID) that this turn's context never showed, since an id the
/// model invents or was handed by injected text may be another tenant's.
/// </summary>
public static partial class ToolArguments
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>
    /// The arguments as a JSON object. Semantic Kernel's OpenAI connector hands every value over as a string; a value whose
    /// schema type is not string is read back as JSON (42, true, [..]), so the schema sees what the model sent.
    /// </summary>
    public static JsonObject ToJson(ToolSpec tool, KernelArguments? arguments)
    {
        var properties = JsonNode.Parse(tool.Parameters)?["properties"] as JsonObject;
        var json = new JsonObject();
        foreach (var (name, value) in arguments ?? [])
        {
            var type = properties?[name]?["type"]?.GetValueKind() == JsonValueKind.String ? (string?)properties[name]!["type"] : null;
            json[name] = value switch
            {
                null => null,
                string text when type is not null and not "string" => TryParse(text) ?? JsonValue.Create(text),
                string text => JsonValue.Create(text),
                JsonElement element => JsonNode.Parse(element.GetRawText()),
                _ => JsonSerializer.SerializeToNode(value),
            };
        }
        return json;
    }

    /// <summary>Why the arguments are refused (plain words, no values), or null when they pass.</summary>
    public static string? Problem(ToolSpec tool, JsonObject arguments, string knownContext)
    {
        try
        {
            var schema = Schemas.GetOrAdd($"{tool.Id:N}:{tool.Parameters.GetHashCode(StringComparison.Ordinal)}", _ => JsonSchema.FromText(tool.Parameters));
            var instance = JsonSerializer.SerializeToElement(arguments);
            // The flag format stops at the first error; only refused arguments are evaluated again for where they fail.
            if (!schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
            {
                var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
                var where = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => d.InstanceLocation.ToString()).Distinct().Take(3);
                return $"the arguments do not match the tool's schema (at {string.Join(", ", where.DefaultIfEmpty("the root"))})";
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return "the tool's schema cannot be evaluated"; // fail closed: chat checked it on registration, a reference may not resolve
        }
        var text = arguments.ToJsonString();
        try
        {
            if (PiiDetector.Detect(text).Any(f => f.Category == ModerationCategories.Secret))
            {
                return "the arguments contain a secret";
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return "the arguments could not be checked in time"; // fail closed
        }
        foreach (Match id in GuidPattern().Matches(text))
        {
            if (!knownContext.Contains(id.Value, StringComparison.OrdinalIgnoreCase))
            {
                return "the arguments contain an id this conversation never showed (it may belong to another tenant)";
            }
        }
        return null;
    }

    /// <summary>The arguments in plain words for the approval card: "orderId: 42, reason: late".</summary>
    public static string Summary(JsonObject arguments) =>
        string.Join(", ", arguments.Select(kv => $"{kv.Key}: {(kv.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : kv.Value?.ToJsonString() ?? "null")}"));

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
