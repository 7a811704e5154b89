using System.Globalization;
using Chatbot.Chat.OpenAi;
using Chatbot.ServiceDefaults.RateLimiting;

namespace Chatbot.Chat.Limits;

/// <summary>
/// Chat's answer to a spent request window: on <c>/v1</c> OpenAI's 429 <c>rate_limit_exceeded</c> (so SDKs back off as
/// they do for OpenAI) with <c>Retry-After</c> and <c>x-ratelimit-*-requests</c>; everywhere else 429 problem details.
/// </summary>
public sealed class ChatRequestLimitRejection : IRequestLimitRejection
{
    public IResult Reject(HttpContext http, string limit, RateLimitRule rule, RateLimitDecision decision)
    {
        if (!http.Request.Path.StartsWithSegments("/v1"))
        {
            return TooManyRequests.Problem(http.Response, decision, ProblemRequestLimitRejection.Detail(limit, rule, decision));
        }
        TooManyRequests.SetRetryAfter(http.Response, decision);
        http.Response.Headers["x-ratelimit-limit-requests"] = rule.PermitLimit.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["x-ratelimit-remaining-requests"] = "0";
        http.Response.Headers["x-ratelimit-reset-requests"] = $"{decision.RetryAfterSeconds}s";
        return OpenAiErrors.Error(StatusCodes.Status429TooManyRequests,
            $"Rate limit reached ({limit} requests per {rule.Window.TotalSeconds:0} s); retry after {decision.RetryAfterSeconds} s.",
            "requests", null, "rate_limit_exceeded");
    }
}
