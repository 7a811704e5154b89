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
}
