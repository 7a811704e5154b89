using System.Globalization;

namespace Chatbot.Aspire.Testing;

/// <summary>
/// Settings that whole-system tests and benchmarks share, each one named step on the builder instead of a block of
/// environment variables repeated in every fixture.
/// </summary>
public static class SystemTestSettings
{
    /// <summary>A window no test or benchmark reaches.</summary>
    public const string Unreachable = "1000000";

    /// <summary>
    /// Every client of a test run is 127.0.0.1: chat's per-IP windows (<c>RequestLimits:PerIp</c>, <c>:Listing</c>) would
    /// count all of them as one caller, so they are raised. <paramref name="tenantTiers"/> (<c>Free</c>, <c>Pro</c>,
    /// <c>Enterprise</c>): load from a handful of tenants, far beyond a real tenant's rate, raises those per-tenant windows too.
    /// </summary>
    public static IDistributedApplicationTestingBuilder WithLoopbackClients(this IDistributedApplicationTestingBuilder builder,
        params string[] tenantTiers)
    {
        builder.WithEnvironment("chat", "RequestLimits__PerIp__PermitLimit", Unreachable)
            .WithEnvironment("chat", "RequestLimits__Listing__PermitLimit", Unreachable);
        foreach (var tier in tenantTiers)
        {
            builder.WithEnvironment("chat", $"RequestLimits__PerTenant__{tier}__PermitLimit", Unreachable);
        }
        return builder;
    }

    /// <summary>The worker's simulator: time to the first token, tokens per second after it, and tokens per reply.</summary>
    public static IDistributedApplicationTestingBuilder WithSimulatorPace(this IDistributedApplicationTestingBuilder builder,
        double firstTokenMilliseconds, double tokensPerSecond, double replyTokens) =>
        builder.WithEnvironment("inference-worker", "Inference__Simulator__FirstTokenLatencyMilliseconds", Text(firstTokenMilliseconds))
            .WithEnvironment("inference-worker", "Inference__Simulator__TokensPerSecond", Text(tokensPerSecond))
            .WithEnvironment("inference-worker", "Inference__Simulator__ReplyTokens", Text(replyTokens));

    /// <summary>Chat's quotas of <paramref name="tier"/> (tokens per day, requests per minute, budget) out of reach: the path is measured, not billing's limits.</summary>
    public static IDistributedApplicationTestingBuilder WithoutQuotas(this IDistributedApplicationTestingBuilder builder, string tier = "free")
    {
        foreach (var limit in new[] { "UserTokensPerDay", "TenantTokensPerDay", "RequestsPerMinute", "MonthlyBudgetUsd" })
        {
            builder.WithEnvironment("chat", $"Quotas__Plans__{tier}__{limit}", "1000000000");
        }
        return builder;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
