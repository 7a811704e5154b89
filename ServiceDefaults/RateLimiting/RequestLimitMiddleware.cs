using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.ServiceDefaults.RateLimiting;

/// <summary>
/// Counts every request against its client IP's window, a listing route's per-IP window and, once signed in, its
/// tenant's window for the tenant's tier; the first window that is spent answers through <see cref="IRequestLimitRejection"/>.
/// The three counts go to Redis in one pipelined round trip. If Redis cannot be reached the request passes (logged): the
/// routes that need no Redis stay up through a Redis restart, and the token and budget reservations still fail closed.
/// Runs after authentication, so the tenant is known.
/// </summary>
public sealed partial class RequestLimitMiddleware(
    RequestDelegate next, RedisWindowLimiter limiter, IRequestLimitRejection rejection, IOptions<RequestLimitOptions> options,
    ILogger<RequestLimitMiddleware> logger)
{
    private readonly IReadOnlyList<(string Method, string Prefix)> _listing = options.Value.ParseListingRoutes();

    public async Task InvokeAsync(HttpContext http)
    {
        var settings = options.Value;
        if (!settings.Enabled || IsInfrastructure(http.Request.Path))
        {
            await next(http);
            return;
        }
        var ip = http.Connection.RemoteIpAddress?.MapToIPv6().ToString() ?? "unknown";
        var windows = new List<(string Limit, RateLimitRule Rule, string Key)> { ("ip", settings.PerIp, $"ip:{ip}") };
        if (IsListing(http.Request))
        {
            windows.Add(("listing", settings.Listing, $"listing:{ip}"));
        }
        if (http.User.FindFirst(ChatbotClaimTypes.TenantId)?.Value is { Length: > 0 } tenant)
        {
            windows.Add(("tenant", settings.ForTier(http.User.FindFirst(ChatbotClaimTypes.Tier)?.Value), $"tenant:{tenant}"));
        }
        RateLimitDecision[] decisions;
        try
        {
            decisions = await Task.WhenAll(windows.Select(w => limiter.AcquireAsync(w.Key, w.Rule)));
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogUnavailable(ex);
            await next(http);
            return;
        }
        for (var i = 0; i < windows.Count; i++)
        {
            if (!decisions[i].Allowed)
            {
                LogRejected(windows[i].Limit);
                await rejection.Reject(http, windows[i].Limit, windows[i].Rule, decisions[i]).ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    }

    private bool IsListing(HttpRequest request) =>
        _listing.Any(route => (route.Method == "*" || HttpMethods.Equals(route.Method, request.Method))
            && request.Path.StartsWithSegments(route.Prefix, StringComparison.OrdinalIgnoreCase));

    private static bool IsInfrastructure(PathString path) =>
        path.StartsWithSegments(ServiceDefaultsExtensions.HealthPath) || path.StartsWithSegments(ServiceDefaultsExtensions.AlivePath)
        || path.StartsWithSegments(ServiceDefaultsExtensions.MetricsPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request refused by the {Limit} request limit")]
    private partial void LogRejected(string limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request limits could not be checked (Redis unavailable); the request passes")]
    private partial void LogUnavailable(Exception ex);
}
