extern alias worker;

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Chatbot.Contracts.Inference;
using Microsoft.Extensions.DependencyInjection;
using static Chatbot.Contracts.Inference.ReplyStreamProtocol;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>
/// The worker's response cache: a request with moderation's cache key is answered from Redis when an earlier reply of
/// the same tenant and key is there (no provider call, no slot), else generated and stored for its lifetime.
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class ResponseCacheTests(WorkerFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static GenerateReply Cacheable(string text, Guid tenant, string key, int ttlSeconds = 300) =>
        WorkerFixture.Request(text) with { TenantId = tenant, CacheKey = key, CacheTtlSeconds = ttlSeconds };

    private static string Text(IEnumerable<StreamEntry> entries) =>
        string.Concat(entries.Where(e => e.Type == Token).Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()));

    private async Task<(IReadOnlyList<StreamEntry> Entries, UsageRecorded Usage)> RunAsync(GenerateReply request)
    {
        await fixture.Bus.Publish(request);
        var entries = await fixture.ReadStreamUntilAsync(request.ReplyId, Wait, Done, Error);
        return (entries, await fixture.Recorder.WaitForAsync<UsageRecorded>(request.ReplyId));
    }

    private static bool IsCached(IReadOnlyList<StreamEntry> entries) =>
        JsonDocument.Parse(entries.Single(e => e.Type == Done).Data).RootElement.TryGetProperty("cached", out var cached) && cached.GetBoolean();

    [Fact]
    public async Task An_identical_turn_is_answered_from_the_cache_at_once_and_its_usage_says_cached()
    {
        var tenant = Guid.NewGuid();
        var key = Guid.NewGuid().ToString("N");
        var first = Cacheable("Tell me about caching.", tenant, key);
        // The second request's text differs only so the test can tell a cached answer from a generated one: the worker
        // matches on moderation's key alone (ResponseCacheKey), which is the same for identical turns.
        var second = Cacheable("Tell me about caching, again.", tenant, key);

        var (generated, firstUsage) = await RunAsync(first);
        var (cached, usage) = await RunAsync(second);
        var reply = await fixture.Recorder.WaitForAsync<ReplyGenerated>(second.ReplyId);

        Assert.False(IsCached(generated));
        Assert.False(firstUsage.Cached);
        Assert.Equal(fixture.PlanOf(first).Text, Text(generated));
        Assert.Equal(Text(generated), Text(cached));
        Assert.NotEqual(fixture.PlanOf(second).Text, Text(cached));
        Assert.Equal([Token, Done], cached.Select(e => e.Type).ToArray());
        Assert.True(IsCached(cached));
        Assert.True(usage.Cached);
        Assert.Equal((firstUsage.InputTokens, firstUsage.OutputTokens, firstUsage.Cost, firstUsage.Model),
            (usage.InputTokens, usage.OutputTokens, usage.Cost, usage.Model));
        Assert.Equal(Text(generated), reply.Content);
        var ttl = await fixture.Redis.GetDatabase().KeyTimeToLiveAsync(worker::Chatbot.InferenceWorker.Caching.ResponseCache.Key(tenant, key));
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(200), TimeSpan.FromSeconds(300));
    }

    [Fact]
    public async Task Another_tenant_with_the_same_key_another_key_or_no_key_is_generated()
    {
        var key = Guid.NewGuid().ToString("N");
        var owner = Cacheable("Tell me about tenants.", Guid.NewGuid(), key);
        await RunAsync(owner);

        var otherTenant = Cacheable("Tell me about tenants.", Guid.NewGuid(), key);
        var otherKey = Cacheable("Tell me about tenants.", owner.TenantId, Guid.NewGuid().ToString("N")); // e.g. another temperature
        var notCacheable = WorkerFixture.Request("Tell me about tenants.") with { TenantId = owner.TenantId };
        foreach (var request in new[] { otherTenant, otherKey, notCacheable })
        {
            await AssertGeneratedAsync(request);
        }
    }

    /// <summary>The request was answered by the provider, not the cache.</summary>
    private async Task AssertGeneratedAsync(GenerateReply request)
    {
        var (entries, usage) = await RunAsync(request);
        Assert.False(IsCached(entries));
        Assert.False(usage.Cached);
        Assert.Equal(fixture.PlanOf(request).Text, Text(entries));
    }

    [Fact]
    public async Task An_entry_is_gone_after_its_lifetime_and_the_turn_is_generated_again()
    {
        var tenant = Guid.NewGuid();
        var key = Guid.NewGuid().ToString("N");
        await RunAsync(Cacheable("Tell me about expiry.", tenant, key, ttlSeconds: 1));
        Assert.True(await fixture.Redis.GetDatabase().KeyExistsAsync(worker::Chatbot.InferenceWorker.Caching.ResponseCache.Key(tenant, key)));

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        await AssertGeneratedAsync(Cacheable("Tell me about expiry, later.", tenant, key, ttlSeconds: 1));
    }

    [Fact]
    public async Task Hits_misses_and_saved_cost_are_counted_by_tier_and_model()
    {
        var meterFactory = fixture.Worker.Services.GetRequiredService<IMeterFactory>();
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name.StartsWith("chatbot.cache.", StringComparison.Ordinal) && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                l.EnableMeasurementEvents(instrument);
        };
        void Record(Instrument i, double v, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (measurements) measurements.Add((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        var tenant = Guid.NewGuid();
        var key = Guid.NewGuid().ToString("N");

        var (_, generated) = await RunAsync(Cacheable("Count me.", tenant, key) with { Tier = "enterprise" });
        await RunAsync(Cacheable("Count me.", tenant, key) with { Tier = "enterprise" });

        List<(string Instrument, double Value, Dictionary<string, object?> Tags)> seen;
        lock (measurements) seen = [.. measurements.Where(m => (string?)m.Tags["tier"] == "enterprise")];
        Assert.Equal(1, seen.Where(m => m.Instrument == "chatbot.cache.misses").Sum(m => m.Value));
        var hit = Assert.Single(seen, m => m.Instrument == "chatbot.cache.hits");
        Assert.Equal("simulator", hit.Tags["gen_ai.request.model"]);
        var saved = Assert.Single(seen, m => m.Instrument == "chatbot.cache.saved_cost");
        Assert.Equal((double)generated.Cost, saved.Value, 10);
    }

    [Fact]
    public async Task A_hit_s_first_token_is_announced_within_milliseconds_of_the_request()
    {
        var tenant = Guid.NewGuid();
        var key = Guid.NewGuid().ToString("N");
        await RunAsync(Cacheable("Time me.", tenant, key));
        var announced = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<long>>();
        TaskCompletionSource<long> Announcement(string key) =>
            announced.GetOrAdd(key, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        var subscriber = fixture.Redis.GetSubscriber();
        var channel = StackExchange.Redis.RedisChannel.Literal(ActivityChannel);
        await subscriber.SubscribeAsync(channel, (_, message) =>
        {
            var at = Stopwatch.GetTimestamp();
            Announcement(message.ToString().Split(ActivitySeparator)[0]).TrySetResult(at);
        });
        var timings = new List<double>();
        try
        {
            for (var i = 0; i < 21; i++)
            {
                var request = Cacheable("Time me.", tenant, key);
                var announcement = Announcement(StreamKey(request.ReplyId));
                var started = Stopwatch.GetTimestamp();
                await fixture.Bus.Publish(request);
                var at = await announcement.Task.WaitAsync(Wait); // the first entry is announced as chat reads it
                timings.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
            }
        }
        finally
        {
            await subscriber.UnsubscribeAsync(channel);
        }
        timings.Sort();
        // From the publish to the broker to the first entry's announcement (what wakes chat's stream readers), through
        // RabbitMQ, the worker's pipelined lookup and the stream write. Printed for docs/benchmarks.md. That a hit asks no
        // provider is shown by An_identical_turn_is_answered_from_the_cache_at_once_and_its_usage_says_cached; the bound
        // here only catches a hit held behind something slow (a slot, a retry), with room for a loaded machine (18.8 ms
        // p50 at a load average of 105 on 2 cores).
        output.WriteLine($"response cache hit, publish to first-token announcement: p50 {timings[10]:F2} ms, p95 {timings[19]:F2} ms (21 hits)");
        Assert.True(timings[10] < 250, $"p50 {timings[10]:F2} ms");
    }
}
