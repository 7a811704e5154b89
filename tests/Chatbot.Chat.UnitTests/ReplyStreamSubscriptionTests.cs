using Chatbot.Chat.Replies;
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

    private static async Task<int> ResumedThreadAsync(ReplyStreamSubscription subscription)
    {
        // ConfigureAwait(false) as in ASP.NET Core, which has no synchronization context to post the continuation to.
        await subscription.Events.WaitToReadAsync().ConfigureAwait(false);
        return Environment.CurrentManagedThreadId;
    }
}
