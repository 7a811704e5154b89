using Chatbot.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Chatbot.ServiceDefaults.ErrorHandling;

/// <summary>
/// A form body the form reader refuses (a NUL or other invalid character, too many or too long values) throws
/// <see cref="InvalidDataException"/>, e.g. inside OpenIddict's token endpoint: 400 problem details, not a 500.
/// Found by the security drills' request fuzzing.
/// </summary>
public sealed class InvalidFormExceptionHandler(IProblemDetailsService problemDetails, ErrorMetrics errors) : IExceptionHandler
{
    public static bool IsInvalidForm(HttpContext httpContext, Exception exception) =>
        exception is InvalidDataException && httpContext.Request.HasFormContentType;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsInvalidForm(httpContext, exception) || httpContext.Response.HasStarted)
        {
            return false;
        }
        errors.Record(ErrorCategory.Caller, "invalid_form");
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.BadRequest,
                Title = "The request is invalid.",
                Detail = $"The form body could not be read: {exception.Message}",
            },
        });
    }
}
