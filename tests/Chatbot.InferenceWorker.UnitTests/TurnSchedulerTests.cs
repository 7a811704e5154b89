using Chatbot.InferenceWorker.Admission;
using Chatbot.InferenceWorker.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class TurnSchedulerTests
{
    private static readonly Guid TenantA = Guid.NewGuid();
    private static readonly Guid TenantB = Guid.NewGuid();
    private readonly FakeTimeProvider _time = new();

    private TurnScheduler Scheduler(int concurrency, int tenantSlots, int tokensPerMinute = 0)
    {
        var capacity = new WorkerCapacity(concurrency, tokensPerMinute, 100, tenantSlots, "p");
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        return new TurnScheduler(capacity, new AdmissionMetrics(meters, capacity), _time);
    }

    /// <summary>Admission completes the wait on the thread pool: give it time, generously for a loaded machine.</summary>
    private static async Task<bool> AdmittedAsync(Task<TurnLease> wait)
    {
        await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(5)));
        return wait.IsCompletedSuccessfully;
    }

    /// <summary>Still waiting after a pause in which an admitted wait would have completed.</summary>
    private static async Task<bool> WaitingAsync(Task<TurnLease> wait)
    {
        await Task.Delay(100);
        return !wait.IsCompleted;
    }

    private static Dictionary<Guid, int> Positions(TurnScheduler scheduler)
    {
        var positions = new Dictionary<Guid, int>();
        scheduler.ReportChanges(p => positions[p.ReplyId] = p.Position);
        return positions;
    }

    [Fact]
    public async Task Turns_beyond_the_limit_wait_and_their_positions_fall_as_slots_free()
    {
        using var scheduler = Scheduler(concurrency: 1, tenantSlots: 1);
        Guid r1 = Guid.NewGuid(), r2 = Guid.NewGuid(), r3 = Guid.NewGuid();
        var first = await scheduler.EnterAsync(r1, TenantA, 1, 0, default).AsTask();
        var second = scheduler.EnterAsync(r2, TenantA, 1, 0, default).AsTask();
        var third = scheduler.EnterAsync(r3, TenantA, 1, 0, default).AsTask();

        Assert.True(await WaitingAsync(second));
        Assert.Equal(new Dictionary<Guid, int> { [r2] = 1, [r3] = 2 }, Positions(scheduler));
        Assert.Empty(Positions(scheduler)); // nothing changed: nothing to report again

        _time.Advance(TimeSpan.FromSeconds(2));
        first.Dispose();
        using var secondLease = await second;
        Assert.True(await WaitingAsync(third));
        var changed = new List<QueuedPosition>();
        scheduler.ReportChanges(changed.Add);
        var update = Assert.Single(changed);
        Assert.Equal((r3, 1, false), (update.ReplyId, update.Position, update.First));
        Assert.Equal(2000, update.EstimatedWaitMs); // one turn ahead of it at the 2 s a turn took, one slot
    }

    [Fact]
    public async Task A_higher_tier_is_admitted_before_turns_that_waited_longer()
    {
        using var scheduler = Scheduler(concurrency: 1, tenantSlots: 1);
        var running = await scheduler.EnterAsync(Guid.NewGuid(), Guid.NewGuid(), 1, 0, default).AsTask();
        var free = scheduler.EnterAsync(Guid.NewGuid(), Guid.NewGuid(), 1, 0, default).AsTask();
        var enterprise = scheduler.EnterAsync(Guid.NewGuid(), Guid.NewGuid(), 3, 0, default).AsTask();

        running.Dispose();

        Assert.True(await AdmittedAsync(enterprise));
        Assert.True(await WaitingAsync(free));
    }

    [Fact]
    public async Task Within_a_tier_tenants_take_turns_and_none_holds_more_than_its_slots()
    {
        using var scheduler = Scheduler(concurrency: 4, tenantSlots: 2);
        var flood = Enumerable.Range(0, 50).Select(_ => scheduler.EnterAsync(Guid.NewGuid(), TenantA, 1, 0, default).AsTask()).ToList();

        Assert.Equal(2, scheduler.Active); // tenant A alone holds its 2 of 4 slots; the rest wait
        var b = await scheduler.EnterAsync(Guid.NewGuid(), TenantB, 1, 0, default).AsTask(); // a free slot: B starts at once
        var bWaiting = scheduler.EnterAsync(Guid.NewGuid(), TenantB, 1, 0, default).AsTask();
        var bThird = scheduler.EnterAsync(Guid.NewGuid(), TenantB, 1, 0, default).AsTask();
        Assert.True(await AdmittedAsync(bWaiting));
        Assert.True(await WaitingAsync(bThird));

        (await flood[0]).Dispose();
        Assert.True(await AdmittedAsync(flood[2])); // A's freed slot goes to A: B is at its cap
        b.Dispose();
        Assert.True(await AdmittedAsync(bThird));   // B's freed slot goes to B's next turn, not to A's 47 waiting
        Assert.Equal(47, scheduler.Waiting);
    }

    [Fact]
    public async Task Round_robin_serves_a_newcomer_before_the_rest_of_a_flood()
    {
        using var scheduler = Scheduler(concurrency: 1, tenantSlots: 1);
        var running = await scheduler.EnterAsync(Guid.NewGuid(), Guid.NewGuid(), 1, 0, default).AsTask();
        var flood = Enumerable.Range(0, 20).Select(_ => scheduler.EnterAsync(Guid.NewGuid(), TenantA, 1, 0, default).AsTask()).ToList();
        var newcomer = Guid.NewGuid();
        var b = scheduler.EnterAsync(newcomer, TenantB, 1, 0, default).AsTask();

        Assert.Equal(2, Positions(scheduler)[newcomer]);
        running.Dispose();
        (await flood[0]).Dispose();
        Assert.True(await AdmittedAsync(b));
        Assert.True(await WaitingAsync(flood[1]));
    }

    [Fact]
    public async Task Tokens_per_minute_hold_a_turn_until_the_minute_has_room()
    {
        using var scheduler = Scheduler(concurrency: 10, tenantSlots: 10, tokensPerMinute: 1_000);
        (await scheduler.EnterAsync(Guid.NewGuid(), TenantA, 1, 800, default)).Dispose();
        var second = scheduler.EnterAsync(Guid.NewGuid(), TenantB, 1, 300, default).AsTask();

        Assert.True(await WaitingAsync(second)); // 800 + 300 > 1,000 in the same minute, though nine slots are free
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.True(await WaitingAsync(second));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await AdmittedAsync(second));
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_queue()
    {
        using var scheduler = Scheduler(concurrency: 1, tenantSlots: 1);
        var running = await scheduler.EnterAsync(Guid.NewGuid(), TenantA, 1, 0, default).AsTask();
        using var cancel = new CancellationTokenSource();
        var waiting = scheduler.EnterAsync(Guid.NewGuid(), TenantB, 1, 0, cancel.Token).AsTask();
        var next = scheduler.EnterAsync(Guid.NewGuid(), TenantA, 1, 0, default).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        Assert.Equal(1, scheduler.Waiting);
        running.Dispose();
        Assert.True(await AdmittedAsync(next));
    }
}
