using System.Globalization;
using Chatbot.Billing.Quotas;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Chat.Quotas;

/// <summary>
/// Problem details for a refused reservation, distinct by status and type so the page and API clients can tell them
/// apart: 429 <c>rate-limited</c> + Retry-After (a rate window), 402 <c>quota-exceeded</c> (a token or cost budget: which
/// limit, when it resets), 403 <c>generation-disabled</c> (tenant switched off), 503 <c>generation-unavailable</c> (kill switch).
/// </summary>
public static class QuotaProblems
{
    public const string RateLimitedType = "rate-limited";
    public const string QuotaExceededType = "quota-exceeded";
    public const string DisabledType = "generation-disabled";
    public const string UnavailableType = "generation-unavailable";

    public static ProblemHttpResult For(ReservationResult result, HttpContext http, DateTimeOffset now)
    {
        var resets = result.ResetsAt;
        if (resets is { } at)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(result.RetryAfter(now).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        var extensions = new Dictionary<string, object?> { ["limit"] = result.Limit, ["resetsAt"] = resets };
        return result.Outcome switch
        {
            ReservationOutcome.RateLimited => TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, type: RateLimitedType,
                title: "Too many requests.", detail: $"The {result.Limit} limit is reached; retry after {resets:O}.", extensions: extensions),
            ReservationOutcome.QuotaExceeded => TypedResults.Problem(statusCode: StatusCodes.Status402PaymentRequired, type: QuotaExceededType,
                title: "Quota exceeded.", detail: $"The {result.Limit} quota is used up; it resets at {resets:O}.", extensions: extensions),
            _ when result.Limit == "tenant" => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: DisabledType,
                title: "Generation is disabled for this workspace.", detail: "An administrator disabled new replies for this workspace.",
                extensions: extensions),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, type: UnavailableType,
                title: "Generation is paused.", detail: "New replies are paused platform-wide by the spend limit; try again later.",
                extensions: extensions),
        };
    }
}
