using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Operations;
using Chatbot.Contracts.Operations;
using StackExchange.Redis;

namespace Chatbot.Chat.IntegrationTests.Operations;

/// <summary>The readiness route's provider chains: fresh reports are read, stale and unreadable entries are skipped.</summary>
[Collection(ChatCollection.Name)]
public sealed class ProviderChainReportsTests(ChatFixture fixture)
{
    [Fact]
    public async Task An_unreadable_entry_is_skipped_and_a_fresh_report_is_read()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Infra.RedisConnectionString);
        var db = redis.GetDatabase();
        var fresh = $"worker-{Guid.NewGuid():N}";
        var broken = $"worker-{Guid.NewGuid():N}";
        var report = new ProviderChainReport(fresh, DateTimeOffset.UtcNow, []);
        await db.HashSetAsync(ProviderChainReport.RedisKey,
            [new(fresh, JsonSerializer.Serialize(report, JsonSerializerOptions.Web)), new(broken, "{not json"), new($"{broken}-null", "null")]);
        try
        {
            var reports = await new ProviderChainReports(redis, TimeProvider.System).RecentAsync();
            Assert.Contains(reports, r => r.Instance == fresh);
            Assert.DoesNotContain(reports, r => r.Instance.StartsWith(broken, StringComparison.Ordinal));
        }
        finally
        {
            await db.HashDeleteAsync(ProviderChainReport.RedisKey, [fresh, broken, $"{broken}-null"]);
        }
    }
}
