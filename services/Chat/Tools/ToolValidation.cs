using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chatbot.Contracts.Tools;
using Json.Schema;

namespace Chatbot.Chat.Tools;

/// <summary>
/// Checks a tool registration: a name the model can call (letters, digits or '_'), a parameters schema JSON Schema
/// accepts whose root is an object schema, an endpoint over HTTPS (plain HTTP only to a loopback address, and only in
/// Development), a known risk, positive prompt versions; or a known built-in tool. Returns the field and a message that
/// names what is wrong.
/// </summary>
public static partial class ToolValidation
{
    public static (string Field, string Message)? Check(RegisterToolRequest request, bool development)
    {
        if (request.Builtin is { } builtin)
        {
            return BuiltinProblem(request, builtin);
        }
        if (request.Name is not { } name || !NamePattern().IsMatch(name))
        {
            return NameProblem;
        }
        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > ToolLimits.MaxDescriptionLength)
        {
            return DescriptionProblem;
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
        return PromptVersionsProblem(request.PromptVersions);
    }

    private static readonly (string, string) NameProblem = ("name", $"name is required: 1 to {ToolLimits.MaxNameLength} letters, digits or '_'.");

    private static readonly (string, string) DescriptionProblem =
        ("description", $"description is required and must be at most {ToolLimits.MaxDescriptionLength} characters.");

    /// <summary>
    /// A built-in tool (<see cref="BuiltinToolCatalog"/>) brings its own description, schema and risk: name and description
    /// may be given (the defaults are the built-in's), endpoint and parameters not, risk only as <c>read</c>.
    /// </summary>
    private static (string Field, string Message)? BuiltinProblem(RegisterToolRequest request, string builtin)
    {
        if (BuiltinToolCatalog.Find(builtin) is null)
        {
            return ("builtin", $"builtin must be one of: {string.Join(", ", BuiltinTools.All)}.");
        }
        if (request.Name is { } name && !NamePattern().IsMatch(name))
        {
            return NameProblem;
        }
        if (request.Description is { } description && (string.IsNullOrWhiteSpace(description) || description.Length > ToolLimits.MaxDescriptionLength))
        {
            return DescriptionProblem;
        }
        if (request.Parameters is not null)
        {
            return ("parameters", "a built-in tool's parameters are fixed: leave parameters out.");
        }
        if (request.Endpoint is not null)
        {
            return ("endpoint", "a built-in tool runs inside the platform: leave endpoint out.");
        }
        if (request.Risk is { } risk && risk != ToolRisk.Read)
        {
            return ("risk", "a built-in tool only reads: risk must be read or left out.");
        }
        return PromptVersionsProblem(request.PromptVersions);
    }

    private static (string Field, string Message)? PromptVersionsProblem(IReadOnlyList<int>? versions) =>
        versions is not null && (versions.Count > ToolLimits.MaxPromptVersions || versions.Any(v => v < 1))
            ? ("promptVersions", $"promptVersions lists at most {ToolLimits.MaxPromptVersions} prompt versions, each 1 or more.")
            : null;

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
