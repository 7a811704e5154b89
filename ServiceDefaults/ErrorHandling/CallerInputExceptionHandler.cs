using Chatbot.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Chatbot.ServiceDefaults.ErrorHandling;

/// <summary>
/// Input the caller got wrong that only surfaces as an exception deep in a library: 400 problem details naming it, not a
/// 500. Found by the security drills' request fuzzing:
/// <list type="bullet">
/// <item>text PostgreSQL cannot store (a NUL character, U+0000: SQLSTATE 22021);</item>
/// <item>a form body the form reader refuses (<see cref="InvalidDataException"/>, e.g. inside OpenIddict's token endpoint).</item>
/// </list>
/// </summary>
public sealed class CallerInputExceptionHandler(IProblemDetailsService problemDetails, ErrorMetrics errors) : IExceptionHandler
{
    public const string CharacterNotInRepertoire = "22021";

    /// <summary>The error type and the detail to show, or null when the exception is not a caller-input problem.</summary>
    public static (string ErrorType, string Detail)? Describe(HttpContext httpContext, Exception? exception)
    {
        if (exception is InvalidDataException && httpContext.Request.HasFormContentType)
        {
            return ("invalid_form", $"The form body could not be read: {exception.Message}");
        }
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: CharacterNotInRepertoire })
            {
                return ("unstorable_text", "A text value contains a NUL character (U+0000), which cannot be stored. Remove it and retry.");
            }
        }
        return null;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Describe(httpContext, exception) is not { } problem || httpContext.Response.HasStarted)
        {
            return false;
        }
        errors.Record(ErrorCategory.Caller, problem.ErrorType);
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.BadRequest,
                Title = "The request is invalid.",
                Detail = problem.Detail,
            },
        });
    }
}
