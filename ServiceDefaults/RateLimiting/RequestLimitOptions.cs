using System.ComponentModel.DataAnnotations;
using Chatbot.ServiceDefaults.Authentication;

namespace Chatbot.ServiceDefaults.RateLimiting;

/// <summary>
/// Section <c>RequestLimits</c>: request-rate windows of the public origin, counted in Redis so every replica shares them.
/// Each is a fixed window (<see cref="RateLimitRule"/>); docs/security.md lists them with their defaults.
/// </summary>
public sealed class RequestLimitOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Off only for a deliberate measurement; the limits are on by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Every request from one client IP, signed in or not.</summary>
    [Required]
    public RateLimitRule PerIp { get; set; } = RateLimitRule.PerMinute(1200);

    /// <summary>Requests per client IP to the routes that list or export data (<see cref="ListingRoutes"/>), against scraping.</summary>
    [Required]
    public RateLimitRule Listing { get; set; } = RateLimitRule.PerMinute(300);

    /// <summary>
    /// <c>METHOD /path-prefix</c> entries, comma-separated, that count against <see cref="Listing"/> (one string, so a
    /// setting replaces the list instead of appending to it).
    /// </summary>
    [Required]
    public string ListingRoutes { get; set; } =
        "GET /api/conversations, GET /api/usage, GET /api/moderation/reviews, POST /api/moderations, POST /v1/moderations";

    /// <summary>Every signed-in request of one tenant, by the tenant's tier (the <c>tier</c> claim).</summary>
    [Required]
    public TierRequestLimits PerTenant { get; set; } = new();

    /// <summary>The parsed <see cref="ListingRoutes"/>.</summary>
    public IReadOnlyList<(string Method, string Prefix)> ParseListingRoutes() =>
        [.. ListingRoutes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(parts => parts.Length == 2 ? (parts[0].ToUpperInvariant(), parts[1]) : ("*", parts[0]))];

    /// <summary>The tenant window of <paramref name="tier"/>; an unknown or missing tier gets the free one.</summary>
    public RateLimitRule ForTier(string? tier) => tier?.ToLowerInvariant() switch
    {
        ChatbotTiers.Enterprise => PerTenant.Enterprise,
        ChatbotTiers.Pro => PerTenant.Pro,
        _ => PerTenant.Free,
    };
}
