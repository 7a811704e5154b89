using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Chatbot.Identity.Validation;

/// <summary>
/// Turns binding failures (malformed or unknown JSON fields, missing required fields, wrong content type) into a 400
/// validation problem with per-field errors instead of a bare status code.
/// </summary>
internal sealed partial class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var errors = Describe(bad);
        await TypedResults.ValidationProblem(errors, detail: "The request body is not valid.").ExecuteAsync(http);
        return true;
    }

    internal static Dictionary<string, string[]> Describe(BadHttpRequestException bad)
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
