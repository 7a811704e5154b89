using System.ComponentModel.DataAnnotations;

namespace Chatbot.Billing;

/// <summary>Settings of the billing service, section <c>Billing</c>.</summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>Platform-wide spend ceiling per UTC hour (USD); past it the kill switch refuses every new generation.</summary>
    [Range(0.000001, 100_000_000)]
    public decimal HourlySpendCeilingUsd { get; set; } = 100m;

    /// <summary>Budget shares (percent) that raise <c>BudgetThresholdReached</c>, once per tenant and month each.</summary>
    [MinLength(1)]
    public int[] AlertThresholds { get; set; } = [70, 80, 90];

    /// <summary>How often expired reservations are given back.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often billing checks that Redis still holds its limits and counters (republished and rebuilt when not, e.g. after a Redis restart).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan StateCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
