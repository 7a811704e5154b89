using Chatbot.Chat.Replies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.UnitTests;

public sealed class ReplyStreamSubscriptionTests
{
    // Subscribe and Deliver never reach Redis: the hub reads only in its background rounds, which are not started here.
    private readonly ReplyStreamHub hub = new(null!, Options.Create(new ChatOptions()), NullLogger<ReplyStreamHub>.Instance);

    [Fact]
    public async Task A_waiting_pump_resumes_on_the_delivering_thread_not_through_the_thread_pool_queue()
    {
        using var subscription = hub.Subscribe(Guid.NewGuid(), StreamEntryId.Zero);
        var resumed = ResumedThreadAsync(subscription);
        Assert.False(resumed.IsCompleted);

        var delivering = new Thread(() => subscription.Deliver(new ReplyStreamEvent(new StreamEntryId(1, 0), "token", "{}")));
        delivering.Start();
        delivering.Join();

        Assert.True(resumed.IsCompleted);
        Assert.Equal(delivering.ManagedThreadId, await resumed);
    }

    [Fact]
    public async Task A_pump_that_sent_the_final_event_completes_its_request_off_the_delivering_thread()
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        using var subscription = hub.Subscribe(Guid.NewGuid(), StreamEntryId.Zero);
        var pump = StartWithoutSynchronizationContext(() =>
            RepliesApi.PumpAsync(subscription, new SseWriter(context.Response), TimeSpan.FromMinutes(1), CancellationToken.None));
        var completedWhileDelivering = pump.ContinueWith(_ => insideDeliver, TaskContinuationOptions.ExecuteSynchronously);

        var delivering = new Thread(() =>
        {
            insideDeliver = true;
            subscription.Deliver(new ReplyStreamEvent(new StreamEntryId(1, 0), "done", "{}"));
            insideDeliver = false;
        });
        delivering.Start();
        delivering.Join();

        // The request's completion (Kestrel's end of response, the endpoint's cleanup) must not hold the hub's round.
        Assert.False(await completedWhileDelivering);
        await pump;
        Assert.Contains("event: done", System.Text.Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_delivered_by_both_the_wake_up_and_a_round_goes_out_once()
    {
        using var subscription = hub.Subscribe(Guid.NewGuid(), StreamEntryId.Zero);
        var first = new ReplyStreamEvent(new StreamEntryId(5, 0), "token", "{\"text\":\"a\"}");

        subscription.Deliver(first);
        subscription.Deliver(first);
        subscription.Deliver(new ReplyStreamEvent(new StreamEntryId(4, 9), "token", "{\"text\":\"older\"}"));

        Assert.True(subscription.Events.TryRead(out var read));
        Assert.Same(first, read);
        Assert.False(subscription.Events.TryRead(out _));
    }

    [ThreadStatic]
    private static bool insideDeliver;

    /// <summary>Starts the pump as ASP.NET Core would: no synchronization context to post its continuations to.</summary>
    private static Task StartWithoutSynchronizationContext(Func<Task> start)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return start();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private static async Task<int> ResumedThreadAsync(ReplyStreamSubscription subscription)
    {
        // ConfigureAwait(false) as in ASP.NET Core, which has no synchronization context to post the continuation to.
        await subscription.Events.WaitToReadAsync().ConfigureAwait(false);
        return Environment.CurrentManagedThreadId;
    }
}
