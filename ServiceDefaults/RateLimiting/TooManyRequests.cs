using System.Globalization;
using Chatbot.ServiceDefaults.ErrorHandling;
using Microsoft.AspNetCore.Http;

namespace Chatbot.ServiceDefaults.RateLimiting;

/// <summary>The one 429 answer: <c>Retry-After</c> in whole seconds (until the window closes) and problem details.</summary>
public static class TooManyRequests
{
    public static IResult Problem(HttpResponse response, RateLimitDecision decision, string detail)
    {
        SetRetryAfter(response, decision);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, type: ProblemTypes.TooManyRequests,
            title: "Too many requests", detail: detail);
    }

    public static void SetRetryAfter(HttpResponse response, RateLimitDecision decision) =>
        response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
}
