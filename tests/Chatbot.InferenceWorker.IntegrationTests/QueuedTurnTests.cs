extern alias worker;

using System.Diagnostics;
using System.Text.Json;
using Chatbot.Contracts.Inference;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using WorkerCapacity = worker::Chatbot.InferenceWorker.Admission.WorkerCapacity;

namespace Chatbot.InferenceWorker.IntegrationTests;

[Collection(QueueCollection.Name)]
public sealed class QueuedTurnTests(QueueFixture fixture)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(120);

    private Task Publish(GenerateReply request) => fixture.Bus.Publish(request, ctx => ctx.SetPriority(TierPriority.For(request.Tier)));

    private static IEnumerable<(int Position, long? EstimatedWaitMs)> QueuedBeforeFirstToken(IEnumerable<StreamEntry> entries) =>
        entries.TakeWhile(e => e.Type != ReplyStreamProtocol.Token).Where(e => e.Type == ReplyStreamProtocol.Queued).Select(e =>
        {
            var data = JsonDocument.Parse(e.Data).RootElement;
            var estimate = data.GetProperty("estimatedWaitMs");
            return (data.GetProperty("position").GetInt32(), estimate.ValueKind == JsonValueKind.Null ? (long?)null : estimate.GetInt64());
        });

    [Fact]
    public async Task With_one_provider_slot_later_turns_see_queued_events_with_falling_positions_before_their_first_token()
    {
        Assert.Equal(1, fixture.Worker.Services.GetRequiredService<WorkerCapacity>().Concurrency);
        var turns = Enumerable.Range(0, 3).Select(i => WorkerFixture.Request($"Turn {i} [[sim:latency=0;tokens=20;tps=20]]")).ToList();
        foreach (var turn in turns) await Publish(turn); // in this order: the first takes the slot, the others wait

        var streams = new List<IReadOnlyList<StreamEntry>>();
        foreach (var turn in turns) streams.Add(await fixture.ReadStreamUntilAsync(turn.ReplyId, Long, ReplyStreamProtocol.Done, ReplyStreamProtocol.Error));

        Assert.Empty(QueuedBeforeFirstToken(streams[0]));
        Assert.Equal([1], QueuedBeforeFirstToken(streams[1]).Select(q => q.Position));
        var third = QueuedBeforeFirstToken(streams[2]).ToList();
        Assert.Equal([2, 1], third.Select(q => q.Position));
        Assert.InRange(third[^1].EstimatedWaitMs ?? 0, 1, 10_000); // after the first turn finished: an estimate from its time
        Assert.All(streams, s => Assert.DoesNotContain(s.SkipWhile(e => e.Type != ReplyStreamProtocol.Token), e => e.Type == ReplyStreamProtocol.Queued));
        Assert.All(streams, s => Assert.Equal(ReplyStreamProtocol.Done, s[^1].Type));
        Assert.All(streams, s => Assert.DoesNotContain(s, e => e.Type == ReplyStreamProtocol.Reset)); // queue positions are no earlier attempt
    }

    [Fact]
    public async Task A_tenant_flooding_the_queue_does_not_delay_another_tenants_next_turn_beyond_twice_its_idle_time_to_first_token()
    {
        const string BTurn = "[[sim:latency=400;tokens=5;tps=1000]]";
        var tenantA = Guid.NewGuid();
        var tenantB = Guid.NewGuid();
        var idle = await TimeToFirstTokenAsync(WorkerFixture.Request($"B idle {BTurn}") with { TenantId = tenantB });

        var flood = Enumerable.Range(0, 200)
            .Select(i => WorkerFixture.Request($"A {i} [[sim:latency=20;tokens=3;tps=1000]]") with { TenantId = tenantA })
            .ToList();
        await Task.WhenAll(flood.Select(Publish));
        var loaded = await TimeToFirstTokenAsync(WorkerFixture.Request($"B loaded {BTurn}") with { TenantId = tenantB });
        var floodStillWaiting = flood.Count(r => fixture.Recorder.All<ReplyGenerated>(r.ReplyId).Count == 0);

        // Served in arrival order, B would wait for most of A's 200 turns (one slot, tens of milliseconds each).
        Assert.True(loaded <= 2 * idle, $"B's time to first token: {loaded.TotalMilliseconds:F0} ms under A's flood, {idle.TotalMilliseconds:F0} ms idle");
        Assert.True(floodStillWaiting > 100, $"only {floodStillWaiting} of A's turns were still waiting: the flood did not hold the queue");
        foreach (var r in flood) await fixture.Recorder.WaitForAsync<ReplyGenerated>(r.ReplyId, Long);
    }

    /// <summary>From the publish to the first token entry in the reply's stream: queue wait included.</summary>
    private async Task<TimeSpan> TimeToFirstTokenAsync(GenerateReply request)
    {
        var started = Stopwatch.GetTimestamp();
        await Publish(request);
        await fixture.ReadStreamUntilAsync(request.ReplyId, Long, ReplyStreamProtocol.Token);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await fixture.Recorder.WaitForAsync<ReplyGenerated>(request.ReplyId, Long);
        return elapsed;
    }
}
