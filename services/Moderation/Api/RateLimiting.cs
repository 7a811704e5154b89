using Chatbot.Moderation.Policies;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Moderation.Api;

/// <summary>
/// The moderation API's limit: <c>Moderation:ApiRequestsPerMinute</c> per caller (tenant + subject) in the shared Redis
/// window (<see cref="RedisWindowLimiter"/>), so every replica counts together; beyond it 429 problem details with
/// Retry-After. Unlike the origin's request limits it fails closed: a check that cannot be made answers 503.
/// </summary>
public static class RateLimiting
{
    public static RouteHandlerBuilder RequireModerationRateLimit(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var perMinute = http.RequestServices.GetRequiredService<IOptions<ModerationOptions>>().Value.ApiRequestsPerMinute;
            // The internal route names the caller chat authenticated; the public one is the token's.
            var user = CurrentUser.From(http.User);
            var caller = http.Request.RouteValues.TryGetValue("tenantId", out var tenant) && http.Request.RouteValues.TryGetValue("userId", out var id)
                ? $"{tenant}:{id}"
                : $"{user?.TenantId}:{user?.UserId}";
            RateLimitDecision decision;
            try
            {
                decision = await http.RequestServices.GetRequiredService<RedisWindowLimiter>()
                    .AcquireAsync($"moderation-api:{caller}", RateLimitRule.PerMinute(perMinute));
            }
            catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
            {
                http.Response.Headers.RetryAfter = "5";
                return TypedResults.Problem("The request limit cannot be checked right now; retry in a few seconds.",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Rate limit unavailable");
            }
            return decision.Allowed ? await next(context) : TooManyRequests.Problem(http.Response, decision,
                $"At most {perMinute} moderation requests per minute; retry after the time in Retry-After.");
        }).ProducesProblem(StatusCodes.Status429TooManyRequests);
}
