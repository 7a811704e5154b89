namespace Chatbot.Billing.Quotas;

/// <summary>Costs live in Redis as whole micro-USD (rounded up); USD per million tokens = micro-USD per token.</summary>
public static class Micros
{
    public static long FromUsd(decimal usd) => (long)decimal.Ceiling(usd * 1_000_000m);
    public static decimal ToUsd(long micros) => micros / 1_000_000m;
}
