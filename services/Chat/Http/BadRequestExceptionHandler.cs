using Microsoft.AspNetCore.Diagnostics;

namespace Chatbot.Chat.Http;

/// <summary>
/// Turns request-binding failures (invalid JSON, a body of the wrong shape, a missing body) into a 400 problem
/// details that says what was wrong, instead of an empty 400 or a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var detail = badRequest.InnerException is System.Text.Json.JsonException json
            ? $"{badRequest.Message} {json.Message}"
            : badRequest.Message;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Title = "The request could not be read.", Detail = detail },
        });
    }
}
