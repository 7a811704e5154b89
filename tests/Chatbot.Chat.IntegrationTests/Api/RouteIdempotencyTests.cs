using Chatbot.ServiceDefaults.Paging;
using System.Net;
using System.Net.Http.Json;
using Chatbot.Chat.Conversations;
using Chatbot.Chat.Http;
using Chatbot.Chat.IntegrationTests.Infrastructure;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>The shared <c>WithIdempotency()</c> filter on chat's state-changing POSTs (messages keep their own, transactional keys).</summary>
[Collection(ChatCollection.Name)]
public sealed class RouteIdempotencyTests(ChatFixture fixture)
{
    [Fact]
    public async Task Creating_a_conversation_twice_with_one_key_replays_the_first_and_stores_one()
    {
        using var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, "/api/conversations", new { title = "once" }, key);
        using var again = await PostAsync(client, "/api/conversations", new { title = "once" }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<ConversationDto>())!.Id, (await again.Content.ReadFromJsonAsync<ConversationDto>())!.Id);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var page = await client.GetFromJsonAsync<Page<ConversationDto>>("/api/conversations");
        Assert.Single(page!.Items);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_creates_nothing()
    {
        using var client = fixture.Chat.CreateClient(TestUser.NewTenant());
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, "/api/conversations", new { title = "first" }, key);
        using var reused = await PostAsync(client, "/api/conversations", new { title = "second" }, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        var page = await client.GetFromJsonAsync<Page<ConversationDto>>("/api/conversations");
        Assert.Equal("first", Assert.Single(page!.Items).Title);
    }

    [Fact]
    public async Task A_prompt_version_is_created_once_per_key()
    {
        using var admin = fixture.Chat.CreateClient(TestUser.NewTenant(role: "tenant-admin"));
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(admin, "/api/prompts", new { content = "You are helpful." }, key);
        using var again = await PostAsync(admin, "/api/prompts", new { content = "You are helpful." }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
