using Chatbot.Billing.Quotas;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Billing.IntegrationTests.Infrastructure;

/// <summary>A reservation client on its own plan table (tier "test-…" so tests never share counters or plans).</summary>
public static class TestQuotas
{
    public static QuotaReservations Client(IConnectionMultiplexer redis, PlanLimits plan, string tier, int minimumOutput = 16) =>
        new(redis, Options.Create(new QuotaOptions
        {
            MinimumOutputTokens = minimumOutput,
            InputPricePerMillion = 1m,
            OutputPricePerMillion = 2m,
            Plans = new(StringComparer.OrdinalIgnoreCase) { [tier] = plan },
        }), TimeProvider.System);

    public static string NewTier() => "test-" + Guid.NewGuid().ToString("N")[..8];
}
