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
            .Select(e => JsonSerializer.Deserialize<ProviderChainReport>(e.Value.ToString(), JsonSerializerOptions.Web))
            .OfType<ProviderChainReport>()
            .Where(r => now - r.ReportedAt <= ProviderChainReport.FreshFor)
            .OrderBy(r => r.Instance, StringComparer.Ordinal)];
    }
}
