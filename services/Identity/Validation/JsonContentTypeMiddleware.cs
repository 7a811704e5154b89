namespace Chatbot.Identity.Validation;

/// <summary>A request to <c>/api/*</c> that carries a body must say it is JSON; anything else is a 400 with the field named.</summary>
public sealed class JsonContentTypeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (hasBody && request.Path.StartsWithSegments("/api") && !request.HasJsonContentType())
        {
            await TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["Content-Type"] = ["The request body must be JSON (Content-Type: application/json)."] },
                detail: "The request body is not valid.").ExecuteAsync(http);
            return;
        }
        await next(http);
    }
}
