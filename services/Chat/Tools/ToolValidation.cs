using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chatbot.Contracts.Tools;
using Json.Schema;

namespace Chatbot.Chat.Tools;

/// <summary>
/// Checks a tool registration: a name the model can call (letters, digits or '_'), a parameters schema JSON Schema
/// accepts whose root is an object schema, an endpoint over HTTPS (plain HTTP only to a loopback address, and only in
/// Development), a known risk, positive prompt versions. Returns the field and a message that names what is wrong.
/// </summary>
public static partial class ToolValidation
{
    public static (string Field, string Message)? Check(RegisterToolRequest request, bool development)
    {
        if (request.Name is not { } name || !NamePattern().IsMatch(name))
        {
            return ("name", $"name is required: 1 to {ToolLimits.MaxNameLength} letters, digits or '_'.");
        }
        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > ToolLimits.MaxDescriptionLength)
        {
            return ("description", $"description is required and must be at most {ToolLimits.MaxDescriptionLength} characters.");
        }
        if (SchemaProblem(request.Parameters) is { } schema)
        {
            return ("parameters", schema);
        }
        if (EndpointProblem(request.Endpoint, development) is { } endpoint)
        {
            return ("endpoint", endpoint);
        }
        if (request.Risk is not { } risk || !ToolRisk.All.Contains(risk))
        {
            return ("risk", "risk must be read, write or critical.");
        }
        if (request.PromptVersions is { } versions && (versions.Count > ToolLimits.MaxPromptVersions || versions.Any(v => v < 1)))
        {
            return ("promptVersions", $"promptVersions lists at most {ToolLimits.MaxPromptVersions} prompt versions, each 1 or more.");
        }
        return null;
    }

    private static string? SchemaProblem(JsonElement? parameters)
    {
        if (parameters is not { ValueKind: JsonValueKind.Object } schema)
        {
            return "parameters must be a JSON Schema object.";
        }
        var text = schema.GetRawText();
        if (text.Length > ToolLimits.MaxSchemaLength)
        {
            return $"parameters must be at most {ToolLimits.MaxSchemaLength} characters of JSON.";
        }
        if (!schema.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "object")
        {
            return "parameters must describe an object: \"type\": \"object\".";
        }
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind != JsonValueKind.Object)
        {
            return "parameters.properties must be an object.";
        }
        try
        {
            JsonSchema.FromText(text);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException) // the library's exception types vary by keyword: any is a bad schema
        {
            return "parameters is not a valid JSON Schema: " + ex.Message;
        }
    }

    private static string? EndpointProblem(string? endpoint, bool development)
    {
        if (endpoint is null || endpoint.Length > ToolLimits.MaxEndpointLength || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            return "endpoint must be an absolute URL.";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "endpoint must not carry credentials.";
        }
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return uri.Scheme == Uri.UriSchemeHttp && loopback && development
            ? null
            : "endpoint must use https (plain http is accepted only for a loopback address in Development).";
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex NamePattern();
}
