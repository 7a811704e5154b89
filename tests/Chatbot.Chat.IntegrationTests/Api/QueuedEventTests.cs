using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Contracts.Inference;
using Chatbot.TestSupport;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class QueuedEventTests(ChatFixture fixture)
{
    [Fact]
    public async Task Queued_events_reach_the_client_in_order_before_the_first_token_with_their_position_and_estimate()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var sent = await client.SendAcceptedAsync((await client.CreateConversationAsync()).Id, "wait your turn");
        await fixture.Worker.AppendAsync(sent.ReplyId, ReplyStreamProtocol.Queued, new { position = 2, estimatedWaitMs = 4000 });
        await fixture.Worker.AppendAsync(sent.ReplyId, ReplyStreamProtocol.Queued, new { position = 1, estimatedWaitMs = 2000 });
        await fixture.Worker.AppendAsync(sent.ReplyId, ReplyStreamProtocol.Token, new { text = "hi" });
        await fixture.Worker.AppendAsync(sent.ReplyId, ReplyStreamProtocol.Done, new { inputTokens = 1, outputTokens = 1, cost = 0, model = "m", provider = "p", promptVersion = 1 });

        var events = await client.ReadEventsAsync(sent.StreamUrl);

        Assert.Equal(["queued", "queued", "token", "done"], events.Select(e => e.Type));
        Assert.Equal("""{"position":2,"estimatedWaitMs":4000}""", events[0].Data);
        Assert.Equal("""{"position":1,"estimatedWaitMs":2000}""", events[1].Data);
    }
}
