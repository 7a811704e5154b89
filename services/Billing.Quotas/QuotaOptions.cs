using System.ComponentModel.DataAnnotations;

namespace Chatbot.Billing.Quotas;

/// <summary>
/// Section <c>Quotas</c>. The plans here are the fallback used until billing has published its plans to Redis
/// (billing's database is the source of truth and overrides them).
/// </summary>
public sealed class QuotaOptions
{
    public const string Section = "Quotas";

    /// <summary>How long a reservation holds its tokens before the billing sweeper gives them back.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Smallest output worth generating; with less room left the request is refused.</summary>
    [Range(1, 100_000)]
    public int MinimumOutputTokens { get; set; } = 16;

    /// <summary>Fallback price used to estimate a reservation's cost (USD per million tokens), when billing published none.</summary>
    [Range(0, 10_000)]
    public decimal InputPricePerMillion { get; set; } = 5m;

    [Range(0, 10_000)]
    public decimal OutputPricePerMillion { get; set; } = 15m;

    public Dictionary<string, PlanLimits> Plans { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["free"] = new() { UserTokensPerDay = 10_000, TenantTokensPerDay = 100_000, RequestsPerMinute = 10, MonthlyBudgetUsd = 5m },
        ["pro"] = new() { UserTokensPerDay = 100_000, TenantTokensPerDay = 2_000_000, RequestsPerMinute = 60, MonthlyBudgetUsd = 200m },
        ["enterprise"] = new() { UserTokensPerDay = 1_000_000, TenantTokensPerDay = null, RequestsPerMinute = 300, MonthlyBudgetUsd = 10_000m },
    };

    public PlanLimits PlanFor(string tier) =>
        Plans.TryGetValue(tier, out var plan) ? plan : Plans.TryGetValue("free", out var free) ? free : new PlanLimits();
}
