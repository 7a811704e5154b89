using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Outbox;
using Chatbot.Chat.Turns.Dispatch;
using Chatbot.Contracts.Inference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class OutboxDeadLetterTests(ChatFixture fixture)
{
    [Fact]
    public async Task A_row_out_of_attempts_is_dead_lettered_counted_and_fails_its_reply_and_the_conversation_moves_on()
    {
        using var counted = new CounterListener(OutboxMetrics.MeterNameOf("chat"), OutboxMetrics.DeadLetteredNameOf("chat"));
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "this one will never be answered");
        var (command, _) = await fixture.Worker.WaitForAsync(sent.ReplyId);

        // A poison row for that reply (its type no longer resolves) on its last attempt, and a later row behind it.
        var maxAttempts = fixture.Chat.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.MaxAttempts;
        var poison = OutboxEntry.Create(command, user.TenantId, conversation.Id, DateTimeOffset.UtcNow);
        var laterReply = Guid.NewGuid();
        var later = OutboxEntry.Create(command with { ReplyId = laterReply, CorrelationId = laterReply }, user.TenantId,
            conversation.Id, DateTimeOffset.UtcNow);
        await using (var db = fixture.NewDbContext())
        {
            db.OutboxMessages.Add(OutboxRows.WithType(poison, "Chatbot.Contracts.Inference.GenerateReplyGone", maxAttempts - 1));
            await db.SaveChangesAsync();
            db.OutboxMessages.Add(later);
            await db.SaveChangesAsync();
        }

        await fixture.Worker.WaitForAsync(laterReply);
        var reply = await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, sent.ReplyId, r => r.Status == "failed");
        Assert.Equal(FailedTurnDeadLetters.UserReason, reply.FailureReason);
        var events = await client.ReadEventsAsync(sent.StreamUrl);
        Assert.Equal("error", events[^1].Type);
        Assert.Contains("could not be passed on", events[^1].Data);

        await using var check = fixture.NewDbContext();
        var dead = await check.OutboxMessages.AsNoTracking().SingleAsync(o => o.MessageId == poison.MessageId);
        Assert.NotNull(dead.DeadLetteredAt);
        Assert.Equal(maxAttempts, dead.Attempts);
        Assert.StartsWith($"Gave up after {maxAttempts} attempts: Unknown message type", dead.DeadLetterReason);
        Assert.False(await check.OutboxMessages.AnyAsync(o => o.MessageId == later.MessageId));
        Assert.True(counted.Count >= 1);

        // Dead rows are never tried again.
        await Task.Delay(600);
        await using var again = fixture.NewDbContext();
        Assert.Equal(maxAttempts, (await again.OutboxMessages.AsNoTracking().SingleAsync(o => o.MessageId == poison.MessageId)).Attempts);
    }
}
