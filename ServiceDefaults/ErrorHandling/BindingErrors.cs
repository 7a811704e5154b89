using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Chatbot.ServiceDefaults.ErrorHandling;

/// <summary>
/// Names the fields behind a binding failure (malformed or unknown JSON fields, missing required fields, wrong
/// content type), so a 400 says which field is wrong rather than only that the body is.
/// </summary>
public static partial class BindingErrors
{
    public static Dictionary<string, string[]> Describe(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new() { ["Content-Type"] = ["The request body must be JSON (Content-Type: application/json)."] };
        }
        if (bad.InnerException is not JsonException json)
        {
            return new() { ["body"] = [bad.Message] };
        }
        var missing = MissingProperties().Match(json.Message);
        if (missing.Success)
        {
            return missing.Groups[1].Value.Split(',').Select(p => p.Trim().Trim('\''))
                .ToDictionary(p => p, _ => new[] { "This field is required." });
        }
        var unknown = UnknownProperty().Match(json.Message);
        if (unknown.Success)
        {
            return new() { [unknown.Groups[1].Value] = ["This field is not allowed."] };
        }
        var field = json.Path is null or "$" ? "body" : json.Path.TrimStart('$', '.');
        return new() { [field] = [json.Path is null or "$" ? "The body is not a valid JSON object." : "The value is not valid for this field."] };
    }

    [GeneratedRegex(@"missing required properties,? including: (.+?)\.?$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownProperty();
}
