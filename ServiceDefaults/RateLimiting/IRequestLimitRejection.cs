using Microsoft.AspNetCore.Http;

namespace Chatbot.ServiceDefaults.RateLimiting;

/// <summary>
/// The answer to a request over one of its windows. The default is 429 problem details with <c>Retry-After</c>; a service
/// replaces it where a route family imitates another API's error shape (chat's <c>/v1</c> answers OpenAI's).
/// </summary>
public interface IRequestLimitRejection
{
    /// <param name="limit">The window that refused: <c>ip</c>, <c>listing</c> or <c>tenant</c>.</param>
    IResult Reject(HttpContext http, string limit, RateLimitRule rule, RateLimitDecision decision);
}
