using Chatbot.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Chatbot.ServiceDefaults.ErrorHandling;

/// <summary>An unreachable database or cache answers 503 <c>service-unavailable</c> with <c>Retry-After</c>, not a 500.</summary>
public sealed partial class DependencyUnavailableExceptionHandler(
    IProblemDetailsService problemDetails, ErrorMetrics errors, ILogger<DependencyUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var dependency = DependencyFailure.FindUnavailableDependency(exception);
        if (dependency is null || httpContext.Response.HasStarted)
        {
            return false;
        }
        LogUnavailable(logger, dependency, exception.GetType().Name);
        errors.Record(ErrorCategory.Internal, $"{dependency}_unavailable");
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = ProblemTypes.ServiceUnavailable,
                Title = "Service temporarily unavailable.",
                Detail = $"A required dependency ({dependency}) is unreachable. Retry after {RetryAfterSeconds} seconds.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request failed because {Dependency} is unreachable ({ExceptionType})")]
    private static partial void LogUnavailable(ILogger logger, string dependency, string exceptionType);
}
