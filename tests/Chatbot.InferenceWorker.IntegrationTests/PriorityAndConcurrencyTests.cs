extern alias worker;

using Chatbot.Contracts.Inference;
using MassTransit;

namespace Chatbot.InferenceWorker.IntegrationTests;

[Collection(WorkerCollection.Name)]
public sealed class PriorityAndConcurrencyTests(WorkerFixture fixture)
{
    private Task Publish(GenerateReply request) =>
        fixture.Bus.Publish(request, ctx => ctx.SetPriority(TierPriority.For(request.Tier)));

    [Fact]
    public async Task Many_concurrent_requests_all_complete_with_exactly_one_outcome_each()
    {
        var requests = Enumerable.Range(0, 40)
            .Select(i => WorkerFixture.Request($"Concurrent {i} [[sim:tokens=30;tps=200;latency=10]]", i % 3 == 0 ? "free" : "pro"))
            .ToList();

        await Task.WhenAll(requests.Select(Publish));
        foreach (var r in requests) await fixture.Recorder.WaitForAsync<ReplyGenerated>(r.ReplyId, TimeSpan.FromSeconds(60));
        await Task.Delay(300);

        Assert.All(requests, r => Assert.Single(fixture.Recorder.All<ReplyGenerated>(r.ReplyId)));
        Assert.All(requests, r => Assert.Single(fixture.Recorder.All<UsageRecorded>(r.ReplyId)));
    }

    [Fact]
    public async Task When_the_queue_is_backed_up_an_enterprise_request_overtakes_waiting_free_requests()
    {
        // MaxConcurrency = Prefetch = 8 in the fixture: 8 free replies run, 24 wait in the queue.
        var free = Enumerable.Range(0, 32)
            .Select(i => WorkerFixture.Request($"Free {i} [[sim:tokens=40;tps=40;latency=0]]", "free"))
            .ToList();
        await Task.WhenAll(free.Select(Publish)); // ~1 s each: the queue stays backed up while publishing
        var enterprise = WorkerFixture.Request("Enterprise [[sim:tokens=40;tps=40;latency=0]]", "enterprise");
        await Publish(enterprise);

        var enterpriseDone = await fixture.Recorder.WaitForAsync<ReplyGenerated>(enterprise.ReplyId, TimeSpan.FromSeconds(60));
        var freeDoneBefore = free.Count(r => fixture.Recorder.All<ReplyGenerated>(r.ReplyId).Any(g => g.OccurredAt <= enterpriseDone.OccurredAt));

        // Without priority it would finish last (after all 32); with it, right after the replies already delivered.
        Assert.True(freeDoneBefore < 20, $"{freeDoneBefore} free replies finished before the enterprise one");
        foreach (var r in free) await fixture.Recorder.WaitForAsync<ReplyGenerated>(r.ReplyId, TimeSpan.FromSeconds(60));
    }
}
