using System.Text.Json;
using Chatbot.Contracts.Operations;
using StackExchange.Redis;

namespace Chatbot.Chat.Operations;

/// <summary>The provider chains the inference workers reported within <see cref="ProviderChainReport.FreshFor"/> (their <c>ProviderChainReporter</c>).</summary>
public sealed class ProviderChainReports(IConnectionMultiplexer redis, TimeProvider clock)
{
    public async Task<IReadOnlyList<ProviderChainReport>> RecentAsync()
    {
        var now = clock.GetUtcNow();
        var entries = await redis.GetDatabase().HashGetAllAsync(ProviderChainReport.RedisKey);
        return [.. entries
            .Select(e => Read(e.Value.ToString()))
            .OfType<ProviderChainReport>()
            .Where(r => now - r.ReportedAt <= ProviderChainReport.FreshFor)
            .OrderBy(r => r.Instance, StringComparer.Ordinal)];
    }

    /// <summary>An entry that is not a report (a worker of another version, a hand edit) is skipped, not a 500.</summary>
    private static ProviderChainReport? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ProviderChainReport>(json, JsonSerializerOptions.Web) is { Instance: not null, Providers: not null } report
                ? report : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
