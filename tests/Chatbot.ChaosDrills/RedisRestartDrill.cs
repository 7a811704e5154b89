using System.Net;
using Chatbot.Billing.Quotas;
using Chatbot.ChaosDrills.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;
using Chatbot.Contracts.Billing;

namespace Chatbot.ChaosDrills;

/// <summary>
/// Drill 5: Redis restarts empty (the test builder runs it without persistence, the worst case) while replies stream.
/// Live streams resume or end with an error event, never hang; billing rebuilds limits and counters from its ledger.
/// </summary>
[Collection(DrillCollection.Name)]
[Trait("Category", "Chaos")]
public sealed class RedisRestartDrill(DrillSystemFixture system, ITestOutputHelper output)
{
    private const int LiveStreams = 20;
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Restarting_Redis_ends_or_resumes_every_live_stream_and_billing_rebuilds_limits_and_counters()
    {
        var databases = new DrillDatabases(system.App);
        using var payer = await system.SignUpAsync(); // finished usage before the restart: the counter check
        var paid = new List<AcceptedTurn>();
        for (var i = 0; i < 3; i++)
        {
            paid.Add(await payer.SendAsync(await payer.CreateConversationAsync(), "Hello there."));
        }
        await Eventually.HoldsAsync(() => databases.LedgerRowsAsync(paid.Select(t => t.ReplyId)), rows => rows.Count == paid.Count,
            TimeSpan.FromMinutes(1), rows => $"{rows.Count}/{paid.Count} paid replies in the ledger");
        var (userId, tenantId) = await payer.WhoAmIAsync();

        using var streamer = await system.SignUpAsync();
        var live = new List<AcceptedTurn>();
        for (var i = 0; i < LiveStreams; i++)
        {
            live.Add(await streamer.SendAsync(await streamer.CreateConversationAsync(), "Stream slowly. [[sim:tokens=40;tps=4]]"));
        }
        var followers = live.Select(t => streamer.FollowStreamAsync(t.StreamUrl, NoHang)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3)); // every stream is mid-reply (10 s each)

        await system.App.StopResourceAsync("redis");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await system.App.StartResourceAsync("redis");

        var outcomes = await Task.WhenAll(followers);
        Assert.All(outcomes, o => Assert.True(o.FinalType is not null,
            $"a stream hung: {o.Events.Count} events, {o.Reconnects} reconnects, last {o.Events.LastOrDefault()?.Type ?? "none"}"));

        output.WriteLine($"{LiveStreams} live streams: {outcomes.Count(o => o.FinalType == "done")} done, {outcomes.Count(o => o.FinalType == "error")} error, " +
            $"{outcomes.Count(o => o.Events.Any(e => e.Type == "reset"))} with reset, {outcomes.Sum(o => o.Reconnects)} reconnects in all");

        // Limits and counters: billing notices the empty Redis and rebuilds them from billingdb.
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await system.App.GetConnectionStringAsync("redis"))!);
        var now = DateTimeOffset.UtcNow;
        var ledgerTokens = await databases.LedgerTokensAsync(userId, new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero));
        Assert.True(ledgerTokens > 0);
        await Eventually.HoldsAsync(async () => (long?)await redis.GetDatabase().StringGetAsync(QuotaKeys.UserDayTokens(tenantId, userId, now)),
            tokens => tokens == ledgerTokens, TimeSpan.FromSeconds(30), tokens => $"user day tokens in Redis {tokens?.ToString() ?? "missing"}, ledger {ledgerTokens}");
        Assert.Equal(-1, (long)await redis.GetDatabase().HashGetAsync(QuotaKeys.Plan("free"), QuotaKeys.Fields.RequestsPerMinute)); // the drill's unlimited plan, not the fallback
        var after = await payer.SendAsync(await payer.CreateConversationAsync(), "Still there?");
        Assert.Equal("done", (await payer.FollowStreamAsync(after.StreamUrl, TimeSpan.FromSeconds(60))).FinalType);
    }
}
