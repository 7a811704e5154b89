using System.ComponentModel.DataAnnotations;

namespace Chatbot.ServiceDefaults.RateLimiting;

/// <summary><c>RequestLimits:PerTenant:&lt;Tier&gt;</c>: one window per tenant, sized by its tier.</summary>
public sealed class TierRequestLimits
{
    [Required]
    public RateLimitRule Free { get; set; } = RateLimitRule.PerMinute(600);

    [Required]
    public RateLimitRule Pro { get; set; } = RateLimitRule.PerMinute(3000);

    [Required]
    public RateLimitRule Enterprise { get; set; } = RateLimitRule.PerMinute(12000);
}
