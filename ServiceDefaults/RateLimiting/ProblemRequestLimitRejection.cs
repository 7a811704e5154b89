using Microsoft.AspNetCore.Http;

namespace Chatbot.ServiceDefaults.RateLimiting;

/// <summary>The default <see cref="IRequestLimitRejection"/>: 429 problem details with <c>Retry-After</c>.</summary>
public sealed class ProblemRequestLimitRejection : IRequestLimitRejection
{
    public IResult Reject(HttpContext http, string limit, RateLimitRule rule, RateLimitDecision decision) =>
        TooManyRequests.Problem(http.Response, decision, Detail(limit, rule, decision));

    public static string Detail(string limit, RateLimitRule rule, RateLimitDecision decision) =>
        $"At most {rule.PermitLimit} requests per {rule.Window.TotalSeconds:0} s ({limit} limit); retry after {decision.RetryAfterSeconds} s.";
}
