using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Chatbot.ServiceDefaults.ErrorHandling;

/// <summary>
/// Adds <c>traceId</c> (the W3C trace id, as in the logs), <c>requestId</c> and <c>instance</c> to every problem details body,
/// fills a precise <c>detail</c> for the bare 413 / 415 that Kestrel and minimal APIs produce, and hides 500 internals.
/// </summary>
public static class ProblemDetailsEnricher
{
    public const string TraceIdKey = "traceId";
    public const string RequestIdKey = "requestId";

    public static void Enrich(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Instance ??= $"{http.Request.Method} {http.Request.Path}";
        problem.Extensions[TraceIdKey] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        problem.Extensions[RequestIdKey] = http.TraceIdentifier;
        switch (problem.Status)
        {
            case StatusCodes.Status500InternalServerError:
                // Never the exception text: the logs hold it, correlated by traceId.
                problem.Type = ProblemTypes.InternalError;
                problem.Title = "An unexpected error occurred.";
                problem.Detail = "The server failed to process the request. Quote the traceId when reporting it.";
                break;
            case StatusCodes.Status415UnsupportedMediaType when problem.Detail is null:
                problem.Type = ProblemTypes.UnsupportedMediaType;
                problem.Detail = UnsupportedMediaTypeDetail(http);
                break;
            case StatusCodes.Status413PayloadTooLarge when problem.Detail is null:
                problem.Type = ProblemTypes.PayloadTooLarge;
                problem.Detail = PayloadTooLargeDetail(http);
                break;
        }
    }

    private static string UnsupportedMediaTypeDetail(HttpContext http)
    {
        var accepted = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes;
        var expected = accepted is { Count: > 0 } ? string.Join(", ", accepted) : "application/json";
        var actual = string.IsNullOrEmpty(http.Request.ContentType) ? "no Content-Type" : $"'{http.Request.ContentType}'";
        return $"Expected a request body of type {expected} but got {actual}.";
    }

    private static string PayloadTooLargeDetail(HttpContext http)
    {
        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return limit is { } bytes
            ? $"The request body exceeds the limit of {bytes} bytes."
            : "The request body exceeds the size limit.";
    }
}
