using System.Globalization;
using Chatbot.Moderation.Policies;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Moderation.Api;

/// <summary>
/// The moderation API's limit: <c>Moderation:ApiRequestsPerMinute</c> per caller (tenant + subject) in a Redis window
/// shared by every replica; beyond it 429 problem details with Retry-After.
/// </summary>
public static class RateLimiting
{
    public static RouteHandlerBuilder RequireModerationRateLimit(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var perMinute = http.RequestServices.GetRequiredService<IOptions<ModerationOptions>>().Value.ApiRequestsPerMinute;
            var user = CurrentUser.From(http.User);
            var caller = $"{user?.TenantId}:{user?.UserId}";
            bool allowed;
            TimeSpan retryAfter;
            try
            {
                (allowed, retryAfter) = await http.RequestServices.GetRequiredService<RedisWindowLimiter>().TryAcquireAsync(caller, perMinute);
            }
            catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
            {
                http.Response.Headers.RetryAfter = "5";
                return TypedResults.Problem("The request limit cannot be checked right now; retry in a few seconds.",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Rate limit unavailable");
            }
            if (allowed) return await next(context);
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem($"At most {perMinute} moderation requests per minute; retry after the time in Retry-After.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
        });
}
