using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Chatbot.ServiceDefaults.ErrorHandling;

/// <summary>Adds <c>traceId</c> (the W3C trace id, as in the logs), <c>requestId</c> and <c>instance</c> to every problem details body.</summary>
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
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            // Never the exception text: the logs hold it, correlated by traceId.
            problem.Type = ProblemTypes.InternalError;
            problem.Title = "An unexpected error occurred.";
            problem.Detail = "The server failed to process the request. Quote the traceId when reporting it.";
        }
    }
}
