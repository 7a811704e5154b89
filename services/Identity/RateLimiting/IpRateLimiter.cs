using Chatbot.ServiceDefaults.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chatbot.Identity.RateLimiting;

/// <summary>
/// One window per policy and client IP in the shared <see cref="RedisWindowLimiter"/>, so N identity replicas share one
/// budget. The IP is the connection's remote address after forwarded headers from trusted proxies only. Answers a 429
/// problem with <c>Retry-After</c> (until the window closes) when it is spent, or null.
/// </summary>
public sealed class IpRateLimiter(RedisWindowLimiter limiter, IOptions<RateLimitOptions> options)
{
    public async Task<IResult?> CheckAsync(HttpContext http, string policy, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var ip = http.Connection.RemoteIpAddress?.MapToIPv6().ToString() ?? "unknown";
        var decision = await limiter.AcquireAsync($"identity:{policy}:{ip}", options.Value.For(policy));
        return decision.Allowed ? null : TooManyRequests.Problem(http.Response, decision,
            $"Too many {policy} attempts from this address. Retry after {decision.RetryAfterSeconds} seconds.");
    }
}
