using System.Net;
using System.Net.Http.Json;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Paging;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Messages;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class IdempotencyTests(ChatFixture fixture)
{
    [Fact]
    public async Task Resend_with_the_same_key_and_body_returns_the_same_ids_and_stores_one_message()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.SendMessageAsync(conversation.Id, "same", key)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<SendMessageResponse>()));
        Assert.Single(bodies.Select(b => (b!.MessageId, b.ReplyId)).Distinct());

        var again = await (await client.SendMessageAsync(conversation.Id, "same", key)).Content.ReadFromJsonAsync<SendMessageResponse>();
        Assert.Equal(bodies[0], again);
        var page = await client.GetFromJsonAsync<Page<MessageDto>>($"/api/conversations/{conversation.Id}/messages");
        Assert.Equal(2, page!.Items.Count); // one user message and its one pending reply
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_422_and_writes_nothing()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var conversation = await client.CreateConversationAsync();
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendMessageAsync(conversation.Id, "original", key)).StatusCode);

        var reused = await client.SendMessageAsync(conversation.Id, "different", key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        var page = await client.GetFromJsonAsync<Page<MessageDto>>($"/api/conversations/{conversation.Id}/messages");
        Assert.DoesNotContain(page!.Items, m => m.Content == "different");
        Assert.Equal(2, page.Items.Count);
    }

    [Fact]
    public async Task Keys_are_per_user()
    {
        var alice = TestUser.NewTenant();
        var bob = alice.SameTenant();
        var key = Guid.NewGuid().ToString();
        var aliceClient = fixture.Chat.CreateClient(alice);
        var bobClient = fixture.Chat.CreateClient(bob);
        var aliceConversation = await aliceClient.CreateConversationAsync();
        var bobConversation = await bobClient.CreateConversationAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await aliceClient.SendMessageAsync(aliceConversation.Id, "a", key)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await bobClient.SendMessageAsync(bobConversation.Id, "b", key)).StatusCode);
    }
}
