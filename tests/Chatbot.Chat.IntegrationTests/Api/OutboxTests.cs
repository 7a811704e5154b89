using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Outbox;
using Chatbot.Contracts.Inference;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class OutboxTests(ChatFixture fixture)
{
    [Fact]
    public async Task A_failing_row_is_retried_with_backoff_and_holds_back_only_its_own_conversation()
    {
        var tenant = Guid.NewGuid();
        var blockedConversation = Guid.NewGuid();
        var (poison, poisonReply) = OutboxRows.GenerateReply(tenant, blockedConversation);
        poison = OutboxRows.WithType(poison, "Chatbot.Contracts.Inference.DoesNotExist");
        var (held, heldReply) = OutboxRows.GenerateReply(tenant, blockedConversation);
        var (free, freeReply) = OutboxRows.GenerateReply(tenant, Guid.NewGuid());
        await using (var db = fixture.NewDbContext())
        {
            db.OutboxMessages.Add(poison);
            await db.SaveChangesAsync();
            db.OutboxMessages.AddRange(held, free);
            await db.SaveChangesAsync();
        }

        await fixture.Worker.WaitForAsync(freeReply);
        await Task.Delay(600);
        await using (var db = fixture.NewDbContext())
        {
            var failed = await db.OutboxMessages.AsNoTracking().SingleAsync(o => o.MessageId == poison.MessageId);
            Assert.True(failed.Attempts >= 1);
            Assert.Contains("Unknown message type", failed.LastError);
            Assert.True(await db.OutboxMessages.AnyAsync(o => o.MessageId == held.MessageId));
            Assert.Equal(0, fixture.Worker.DeliveryCount(heldReply));

            // Repair the head row: it goes out on its next retry, then the held row, in that order.
            await db.OutboxMessages.Where(o => o.MessageId == poison.MessageId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.MessageType, typeof(GenerateReply).FullName!));
        }
        await fixture.Worker.WaitForAsync(heldReply);
        var order = fixture.Worker.ArrivalOrder.ToList();
        Assert.True(order.IndexOf(poisonReply) < order.IndexOf(heldReply));
    }

    [Fact]
    public async Task Two_replicas_dispatch_a_backlog_together_publishing_each_row_once()
    {
        await using var replica = new ChatApiFactory(fixture.Infra);
        _ = replica.Server;
        var tenant = Guid.NewGuid();
        var rows = Enumerable.Range(0, 60).Select(_ => OutboxRows.GenerateReply(tenant, Guid.NewGuid())).ToList();
        await using (var db = fixture.NewDbContext())
        {
            db.OutboxMessages.AddRange(rows.Select(r => r.Row));
            await db.SaveChangesAsync();
        }

        foreach (var (_, replyId) in rows)
        {
            await fixture.Worker.WaitForAsync(replyId);
        }
        await Task.Delay(500);
        Assert.All(rows, r => Assert.Equal(1, fixture.Worker.DeliveryCount(r.ReplyId)));
        await using var check = fixture.NewDbContext();
        var ids = rows.Select(r => r.Row.MessageId).ToList();
        Assert.False(await check.OutboxMessages.AnyAsync(o => ids.Contains(o.MessageId)));
    }
}
