using System.Threading.RateLimiting;
using Chatbot.Moderation.Policies;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chatbot.Moderation.Api;

/// <summary>The moderation API's limit: a fixed window per caller (tenant + subject), 429 with Retry-After beyond it.</summary>
public static class RateLimiting
{
    public const string PolicyName = "moderation-api";

    public static IServiceCollection AddModerationRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(PolicyName, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<ModerationOptions>>().Value.ApiRequestsPerMinute;
                var caller = $"{http.User.FindFirst(ChatbotClaimTypes.TenantId)?.Value}:{http.User.FindFirst(ChatbotClaimTypes.Subject)?.Value}";
                return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                });
            });
        });
}
