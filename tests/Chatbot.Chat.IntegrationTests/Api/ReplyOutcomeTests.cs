using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Contracts.Inference;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class ReplyOutcomeTests(ChatFixture fixture)
{
    [Fact]
    public async Task A_cancelled_reply_keeps_its_partial_text_and_a_stream_that_expired_is_answered_from_the_database()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "tell me everything");

        await fixture.Chat.Services.GetRequiredService<IBus>().Publish(new ReplyFailed(sent.ReplyId, DateTimeOffset.UtcNow,
            sent.ReplyId, user.TenantId, user.UserId, conversation.Id, ReplyFailureCodes.Cancelled, "Cancelled by the user.", "Once upon"));
        var reply = await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, sent.ReplyId, r => r.Status == "cancelled");
        Assert.Equal("Once upon", reply.Content);

        // No stream in Redis (expired or never written): the final event comes from the stored message.
        var events = await client.ReadEventsAsync(sent.StreamUrl);
        var final = Assert.Single(events);
        Assert.Equal("error", final.Type);
        Assert.Contains("cancelled", final.Data);
    }

    [Fact]
    public async Task ReplyStarted_moves_a_pending_reply_to_streaming_and_never_reopens_a_final_one()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "hello");
        var bus = fixture.Chat.Services.GetRequiredService<IBus>();
        var started = new ReplyStarted(sent.ReplyId, DateTimeOffset.UtcNow, sent.ReplyId, user.TenantId, user.UserId, conversation.Id, "primary");

        Assert.Equal("pending", (await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, sent.ReplyId, _ => true)).Status);
        await bus.Publish(started);
        await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, sent.ReplyId, r => r.Status == "streaming");
        await bus.Publish(started); // a duplicate changes nothing
        await bus.Publish(new ReplyGenerated(sent.ReplyId, DateTimeOffset.UtcNow, sent.ReplyId, user.TenantId, user.UserId,
            conversation.Id, "Hi!", "primary", "simulator", 1, 3, 1, 0m, 10, 5));
        await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, sent.ReplyId, r => r.Status == "completed");

        // A late ReplyStarted (its queue ran behind the outcome's) does not move a final status back.
        await bus.Publish(started);
        await Task.Delay(700);
        var reply = await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, sent.ReplyId, _ => true);
        Assert.Equal("completed", reply.Status);
        Assert.Equal("Hi!", reply.Content);
    }
}
