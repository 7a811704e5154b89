using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Identity.RateLimiting;

/// <summary>
/// Fixed window per policy and client IP in Redis, opened by the first request (INCR + PEXPIRE in one script), so N
/// identity replicas share one budget. The IP is the connection's remote address after forwarded headers from trusted
/// proxies only. Answers a 429 problem with <c>Retry-After</c> (until the window closes) when it is spent, or null.
/// </summary>
public sealed class IpRateLimiter(IConnectionMultiplexer redis, IOptions<RateLimitOptions> options)
{
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return { count, redis.call('PTTL', KEYS[1]) }
        """;

    public async Task<IResult?> CheckAsync(HttpContext http, string policy, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var rule = options.Value.For(policy);
        var ip = http.Connection.RemoteIpAddress?.MapToIPv6().ToString() ?? "unknown";
        var key = $"identity:ratelimit:{policy}:{ip}";
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, [key], [(long)rule.Window.TotalMilliseconds]))!;
        var count = (long)result[0];
        if (count <= rule.PermitLimit)
        {
            return null;
        }
        var retryAfter = Math.Max(1, (long)Math.Ceiling((long)result[1] / 1000.0));
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"Too many {policy} attempts from this address. Retry after {retryAfter} seconds.");
    }
}
