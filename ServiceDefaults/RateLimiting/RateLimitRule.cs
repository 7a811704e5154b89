using System.ComponentModel.DataAnnotations;

namespace Chatbot.ServiceDefaults.RateLimiting;

/// <summary>One fixed window: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class RateLimitRule
{
    [Range(1, 10_000_000)]
    public int PermitLimit { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public static RateLimitRule PerMinute(int permitLimit) => new() { PermitLimit = permitLimit, Window = TimeSpan.FromMinutes(1) };
}
