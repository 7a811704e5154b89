using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Identity.RateLimiting;

/// <summary>
/// Fixed-window counter per policy and client IP in Redis (INCR + EXPIRE in one script), so N identity replicas share
/// one budget. The IP is the connection's remote address after forwarded headers from trusted proxies only.
/// Answers a 429 problem with <c>Retry-After</c> when the window is spent, or null to go on.
/// </summary>
public sealed class IpRateLimiter(IConnectionMultiplexer redis, IOptions<RateLimitOptions> options, TimeProvider time)
{
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return count
        """;

    public async Task<IResult?> CheckAsync(HttpContext http, string policy, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var rule = options.Value.For(policy);
        var ip = http.Connection.RemoteIpAddress?.MapToIPv6().ToString() ?? "unknown";
        var windowMs = (long)rule.Window.TotalMilliseconds;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = nowMs / windowMs;
        var key = $"identity:ratelimit:{policy}:{ip}:{window}";
        var count = (long)await redis.GetDatabase().ScriptEvaluateAsync(Script, [key], [windowMs]);
        if (count <= rule.PermitLimit)
        {
            return null;
        }
        var retryAfter = (long)Math.Ceiling(((window + 1) * windowMs - nowMs) / 1000.0);
        http.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"Too many {policy} attempts from this address. Retry after {Math.Max(1, retryAfter)} seconds.");
    }
}
