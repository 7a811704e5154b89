using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Outbox;
using Chatbot.Chat.Turns.Dispatch;
using Chatbot.Contracts.Inference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class OutboxFastPathTests(ChatFixture fixture)
{
    private static readonly Dictionary<string, string> LongGrace = new() { ["Outbox:FastPathGrace"] = "00:05:00" };

    [Fact]
    public async Task A_sent_message_goes_out_on_the_fast_path()
    {
        using var published = new CounterListener(OutboxMetrics.MeterNameOf("chat"), OutboxMetrics.FastPathNameOf("chat"), "outcome", "published");
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync();

        var sent = await client.SendAcceptedAsync(conversation.Id, "fast");

        await fixture.Worker.WaitForAsync(sent.ReplyId);
        await WaitUntilAsync(() => published.Count >= 1);
    }

    [Fact]
    public async Task A_sent_message_goes_out_before_its_commit_and_its_row_is_deleted_once_marked_committed()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync();

        var sent = await client.SendAcceptedAsync(conversation.Id, "early");

        var (command, _) = await fixture.Worker.WaitForAsync(sent.ReplyId);
        Assert.True(command.AwaitCommit);
        await WaitUntilAsync(async () => await Mark(sent.ReplyId) == ReplyStreamProtocol.Committed);
        await WaitUntilAsync(async () => !await Rows().AnyAsync(o => o.OrderingKey == conversation.Id));
        Assert.Equal(1, fixture.Worker.DeliveryCount(sent.ReplyId));
    }

    [Fact]
    public async Task A_turn_that_goes_to_moderation_first_is_never_sent_before_its_commit()
    {
        await using var chat = new ChatApiFactory(fixture.Infra, new Dictionary<string, string> { ["Moderation:Enabled"] = "true" });
        using var published = new CounterListener(OutboxMetrics.MeterNameOf("chat"), OutboxMetrics.FastPathNameOf("chat"), "outcome", "published");
        var client = chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync();

        var sent = await client.SendAcceptedAsync(conversation.Id, "moderate me first");

        await WaitUntilAsync(() => published.Count >= 1); // the ModerateInput row went out after the commit
        await Task.Delay(500);
        Assert.Equal(0, fixture.Worker.DeliveryCount(sent.ReplyId));
        Assert.False(await fixture.Worker.Redis.KeyExistsAsync(ReplyStreamProtocol.CommitKey(sent.ReplyId)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_row_whose_early_request_failed_or_was_given_up_by_its_worker_goes_to_the_dispatcher_at_once(bool earlyPublished)
    {
        await using var chat = new ChatApiFactory(fixture.Infra, LongGrace);
        using var handedOver = new CounterListener(OutboxMetrics.MeterNameOf("chat"), OutboxMetrics.FastPathNameOf("chat"), "outcome", "handed_over");
        var fastPath = chat.Services.GetRequiredService<OutboxFastPath>();
        var (row, replyId) = await InsertClaimedAsync(fastPath);
        if (earlyPublished)
        {
            await fixture.Worker.Redis.StringSetAsync(ReplyStreamProtocol.CommitKey(replyId), ReplyStreamProtocol.Abandoned);
        }

        fastPath.Publish(row, new EarlyTurn(replyId, Task.FromResult(earlyPublished)));

        var (command, _) = await fixture.Worker.WaitForAsync(replyId); // the dispatcher's publish: five minutes before the grace
        Assert.False(command.AwaitCommit);
        await WaitUntilAsync(() => handedOver.Count == 1);
        await WaitUntilAsync(async () => !await Rows().AnyAsync(o => o.Id == row.Id));
        // The mark is set at the commit, before the publish's outcome is known: a worker that never got the request never reads it.
        Assert.Equal(earlyPublished ? ReplyStreamProtocol.Abandoned : ReplyStreamProtocol.Committed, await Mark(replyId));
    }

    [Fact]
    public async Task The_commit_mark_is_set_at_the_commit_without_waiting_for_the_early_publish_to_be_confirmed()
    {
        await using var chat = new ChatApiFactory(fixture.Infra, LongGrace);
        using var handedOver = new CounterListener(OutboxMetrics.MeterNameOf("chat"), OutboxMetrics.FastPathNameOf("chat"), "outcome", "handed_over");
        var fastPath = chat.Services.GetRequiredService<OutboxFastPath>();
        var (row, replyId) = await InsertClaimedAsync(fastPath);
        var confirmed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        fastPath.Publish(row, new EarlyTurn(replyId, confirmed.Task));

        await WaitUntilAsync(async () => await Mark(replyId) == ReplyStreamProtocol.Committed);
        await Task.Delay(200);
        Assert.True(await Rows().AnyAsync(o => o.Id == row.Id)); // the row stays the turn's record until the broker has it
        confirmed.SetResult(true);
        await WaitUntilAsync(async () => !await Rows().AnyAsync(o => o.Id == row.Id));
        Assert.Equal(0, handedOver.Count); // deleted by the fast path, not handed to the dispatcher
    }

    [Fact]
    public async Task An_early_request_whose_turn_failed_to_commit_gets_the_aborted_mark()
    {
        await using var chat = new ChatApiFactory(fixture.Infra, LongGrace);
        var fastPath = chat.Services.GetRequiredService<OutboxFastPath>();
        var (row, replyId) = OutboxRows.GenerateReply(Guid.NewGuid(), Guid.NewGuid());
        Assert.True(fastPath.TryClaim(row));

        fastPath.Unclaim(new EarlyTurn(replyId, Task.FromResult(true)));

        await WaitUntilAsync(async () => await Mark(replyId) == ReplyStreamProtocol.Aborted);
    }

    [Fact]
    public async Task A_claimed_row_is_published_and_deleted_long_before_any_dispatcher_may_take_it()
    {
        await using var chat = new ChatApiFactory(fixture.Infra, LongGrace);
        var fastPath = chat.Services.GetRequiredService<OutboxFastPath>();
        var (row, replyId) = await InsertClaimedAsync(fastPath);
        Assert.True(row.NextAttemptAt >= row.CreatedAt.AddMinutes(5)); // no dispatcher touches it for five minutes

        fastPath.Publish(row);

        await fixture.Worker.WaitForAsync(replyId);
        await WaitUntilAsync(async () => !await Rows().AnyAsync(o => o.Id == row.Id));
    }

    [Fact]
    public async Task A_row_the_fast_path_cannot_publish_is_handed_to_the_dispatcher_at_once()
    {
        await using var chat = new ChatApiFactory(fixture.Infra, LongGrace);
        using var handedOver = new CounterListener(OutboxMetrics.MeterNameOf("chat"), OutboxMetrics.FastPathNameOf("chat"), "outcome", "handed_over");
        var fastPath = chat.Services.GetRequiredService<OutboxFastPath>();
        var row = OutboxRows.WithType(OutboxRows.GenerateReply(Guid.NewGuid(), Guid.NewGuid()).Row, "Chatbot.Contracts.Inference.NoSuchMessage");
        Assert.True(fastPath.TryClaim(row));
        var claimedUntil = row.NextAttemptAt; // the five-minute grace of a claimed row
        await InsertAsync(row);

        fastPath.Publish(row);

        // Handed over: due long before its grace, with the failure recorded. Not "due now": a dispatcher may already have
        // tried it and set its next attempt a retry delay ahead (at most Outbox:MaxRetryDelay, 1 min, inside the grace).
        await WaitUntilAsync(async () => await Rows().AnyAsync(o => o.Id == row.Id && o.NextAttemptAt < claimedUntil
            && o.LastError!.Contains("Unknown message type")));
        await WaitUntilAsync(() => handedOver.Count == 1); // counted once the row is handed over
        await Rows().Where(o => o.Id == row.Id).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task A_send_behind_a_live_earlier_row_of_its_conversation_waits_for_the_dispatcher_in_order()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        var (unknown, stuckReply) = OutboxRows.GenerateReply(user.TenantId, conversation.Id);
        var stuck = OutboxRows.WithType(unknown, "Chatbot.Contracts.Inference.NotYetKnown");
        await InsertAsync(stuck);

        var sent = await client.SendAcceptedAsync(conversation.Id, "after the stuck one");

        await Task.Delay(1000);
        Assert.Equal(0, fixture.Worker.DeliveryCount(sent.ReplyId));
        var waiting = await Rows().SingleAsync(o => o.OrderingKey == conversation.Id && o.Id != stuck.Id);
        Assert.True(waiting.NextAttemptAt < waiting.CreatedAt.AddSeconds(1)); // the dispatcher's row, not the fast path's
        await Rows().Where(o => o.Id == stuck.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.MessageType, typeof(GenerateReply).FullName!));
        await fixture.Worker.WaitForAsync(sent.ReplyId);
        var order = fixture.Worker.ArrivalOrder.ToList();
        Assert.True(order.IndexOf(stuckReply) < order.IndexOf(sent.ReplyId));
    }

    private async Task<string?> Mark(Guid replyId) => await fixture.Worker.Redis.StringGetAsync(ReplyStreamProtocol.CommitKey(replyId));

    private IQueryable<OutboxMessage> Rows() => fixture.NewDbContext().OutboxMessages.AsNoTracking();

    /// <summary>A GenerateReply row as a send leaves it: claimed for the fast path and committed.</summary>
    private async Task<(OutboxMessage Row, Guid ReplyId)> InsertClaimedAsync(OutboxFastPath fastPath)
    {
        var (row, replyId) = OutboxRows.GenerateReply(Guid.NewGuid(), Guid.NewGuid());
        Assert.True(fastPath.TryClaim(row));
        await InsertAsync(row);
        return (row, replyId);
    }

    private async Task InsertAsync(OutboxMessage row)
    {
        await using var db = fixture.NewDbContext();
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Condition not met within 30 s.");
            await Task.Delay(100);
        }
    }
}
