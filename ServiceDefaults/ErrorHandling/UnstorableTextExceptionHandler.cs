using Chatbot.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Chatbot.ServiceDefaults.ErrorHandling;

/// <summary>
/// Text PostgreSQL cannot store (a NUL character, U+0000, in any string a request carries: SQLSTATE 22021) is the
/// caller's mistake: 400 problem details naming it, not a 500. Found by the security drills' request fuzzing.
/// </summary>
public sealed class UnstorableTextExceptionHandler(IProblemDetailsService problemDetails, ErrorMetrics errors) : IExceptionHandler
{
    public const string CharacterNotInRepertoire = "22021";

    public static bool IsUnstorableText(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: CharacterNotInRepertoire })
            {
                return true;
            }
        }
        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnstorableText(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }
        errors.Record(ErrorCategory.Caller, "unstorable_text");
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.BadRequest,
                Title = "The request is invalid.",
                Detail = "A text value contains a NUL character (U+0000), which cannot be stored. Remove it and retry.",
            },
        });
    }
}
