using System.Text.Json;
using Chatbot.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Chatbot.ServiceDefaults.ErrorHandling;

/// <summary>
/// Turns request binding failures (malformed JSON, wrong content type, body too large, unparsable parameters)
/// into 400 / 415 / 413 problem details with a precise <c>detail</c> and per-field <c>errors</c> instead of a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails, ErrorMetrics errors) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }
        var status = bad.StatusCode;
        errors.Record(ErrorCategory.Caller, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new HttpValidationProblemDetails(BindingErrors.Describe(bad))
            {
                Status = status,
                Type = TypeFor(status),
                Title = TitleFor(status),
                Detail = DetailFor(bad),
            },
        });
    }

    private static string TypeFor(int status) => status switch
    {
        StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
        StatusCodes.Status413PayloadTooLarge => ProblemTypes.PayloadTooLarge,
        _ => ProblemTypes.BadRequest,
    };

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type.",
        StatusCodes.Status413PayloadTooLarge => "Request body too large.",
        _ => "The request is invalid.",
    };

    private static string DetailFor(BadHttpRequestException exception) => exception.InnerException switch
    {
        JsonException { Path: { } path } json => $"{exception.Message} The JSON is invalid at '{path}'{Position(json)}.",
        JsonException => $"{exception.Message} The body is not valid JSON.",
        _ => exception.Message,
    };

    private static string Position(JsonException json) =>
        json.LineNumber is { } line && json.BytePositionInLine is { } position
            ? $" (line {line + 1}, byte {position + 1})"
            : string.Empty;
}
